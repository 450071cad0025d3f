-- Finding a household by an ID number, in one statement: the person by the keyed hash (its unique
-- index), the household they belong to now (or last), its head's name and encrypted ID number.
SELECT h.id, h.region_code, h.address, h.tags, h.status, hp.name, hp.id_cipher, h.phone_cipher
  FROM household_person p
  JOIN household_membership m ON m.person_id = p.id
  JOIN household h ON h.id = m.household_id
  LEFT JOIN household_person hp ON hp.id = h.head_person_id
 WHERE p.id_hash = :hash
 ORDER BY m.left_on DESC NULLS FIRST, m.id DESC
 LIMIT 1
