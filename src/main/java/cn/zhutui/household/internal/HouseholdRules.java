package cn.zhutui.household.internal;

import cn.zhutui.common.InvalidInputException;
import cn.zhutui.dict.DictService;
import cn.zhutui.household.Household;
import cn.zhutui.household.HouseholdForm;
import cn.zhutui.household.HouseholdMember;
import cn.zhutui.household.IdNumbers;
import cn.zhutui.household.PersonForm;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a household and its people that need no database: the same for the form, the API
 * and the spreadsheet import. Each broken rule is reported on its field, all at once.
 */
public final class HouseholdRules {

    private static final Pattern PHONE = Pattern.compile("^(1\\d{10}|0\\d{9,11})$");
    public static final BigDecimal MAX_INCOME = new BigDecimal("10000000");

    private HouseholdRules() {
    }

    /** The household's own fields (not the head's). */
    public static void household(HouseholdForm f, Region region, DictService dict, LocalDate today, InvalidInputException.Collector errors) {
        if (f.getRegionCode() == null) {
            errors.add("regionCode", "validation.required");
        } else if (region == null) {
            errors.add("regionCode", "region.unknown", f.getRegionCode());
        } else if (region.level() != RegionLevel.VILLAGE.depth()) {
            errors.add("regionCode", "household.region.village");
        }
        text(f.getAddress(), "address", false, 200, errors);
        if (f.getPhone() != null && !PHONE.matcher(f.getPhone()).matches()) {
            errors.add("phone", "household.phone.format");
        }
        tags(f.getTags(), dict, errors);
        if (f.getIncomePerHead() != null) {
            income(f.getIncomePerHead(), "incomePerHead", errors);
            if (f.getIncomeYear() == null) {
                errors.add("incomeYear", "validation.required");
            }
        }
        if (f.getIncomeYear() != null && (f.getIncomeYear() < 2000 || f.getIncomeYear() > today.getYear())) {
            errors.add("incomeYear", "validation.between", 2000, today.getYear());
        }
    }

    /** The head as given on the household form: a name, a valid ID number, the details it agrees with. */
    public static PersonForm head(HouseholdForm f, DictService dict, LocalDate today, InvalidInputException.Collector errors) {
        PersonForm p = new PersonForm();
        p.setName(f.getHeadName());
        p.setIdNumber(f.getHeadIdNumber());
        p.setGender(f.getHeadGender());
        p.setBirthDate(f.getHeadBirthDate());
        p.setLabour(f.getHeadLabour());
        p.setHealth(f.getHeadHealth());
        p.setSchooling(f.getHeadSchooling());
        p.setRelation(HouseholdMember.HEAD);
        p.setJoinedOn(f.getRegisteredOn() == null ? today : f.getRegisteredOn());
        InvalidInputException.Collector own = new InvalidInputException.Collector();
        person(p, true, dict, today, own);
        // the head's fields have the household form's names
        try {
            own.throwIfAny();
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> errors.add(headField(v.field()), v.code(), v.args()));
        }
        return p;
    }

    private static String headField(String field) {
        return switch (field == null ? "" : field) {
            case "name" -> "headName";
            case "idNumber" -> "headIdNumber";
            case "gender" -> "headGender";
            case "birthDate" -> "headBirthDate";
            case "labour" -> "headLabour";
            case "health" -> "headHealth";
            case "schooling" -> "headSchooling";
            case "joinedOn" -> "registeredOn";
            default -> field;
        };
    }

    /**
     * A person's fields. The ID number, when given, must be valid and agree with the birth date
     * and gender (which it fills in when they are left out); without one a birth date is needed,
     * so that people registered twice can be found.
     */
    public static void person(PersonForm p, boolean idRequired, DictService dict, LocalDate today, InvalidInputException.Collector errors) {
        text(p.getName(), "name", true, 50, errors);
        if (p.getIdNumber() == null) {
            if (idRequired) {
                errors.add("idNumber", "validation.required");
            }
        } else {
            String problem = IdNumbers.problem(p.getIdNumber());
            if (problem != null) {
                errors.add("idNumber", problem);
            } else {
                LocalDate born = IdNumbers.birthDate(p.getIdNumber()).orElseThrow();
                if (p.getBirthDate() == null) {
                    p.setBirthDate(born);
                } else if (!p.getBirthDate().equals(born)) {
                    errors.add("birthDate", "household.birthDate.notId", born.toString());
                }
                String gender = IdNumbers.gender(p.getIdNumber());
                if (p.getGender() == null) {
                    p.setGender(gender);
                } else if (!p.getGender().equals(gender)) {
                    errors.add("gender", "household.gender.notId");
                }
            }
        }
        if (p.getBirthDate() == null) {
            if (p.getIdNumber() == null) {
                errors.add("birthDate", "validation.required");
            }
        } else if (p.getBirthDate().isAfter(today) || p.getBirthDate().getYear() < 1900) {
            errors.add("birthDate", "household.birthDate.range");
        }
        if (p.getGender() != null && !p.getGender().equals("M") && !p.getGender().equals("F")) {
            errors.add("gender", "dict.invalid", p.getGender());
        }
        code(dict, "labour", p.getLabour(), "labour", errors);
        code(dict, "health", p.getHealth(), "health", errors);
        code(dict, "schooling", p.getSchooling(), "schooling", errors);
    }

    /** A relation for someone joining, and the day: not the head (the head changes on its own step), not in the future. */
    public static void joining(PersonForm p, DictService dict, LocalDate today, InvalidInputException.Collector errors) {
        if (p.getRelation() == null) {
            errors.add("relation", "validation.required");
        } else if (HouseholdMember.HEAD.equals(p.getRelation())) {
            errors.add("relation", "household.relation.headStep");
        } else {
            code(dict, "household_relation", p.getRelation(), "relation", errors);
        }
        if (p.getJoinedOn() == null) {
            errors.add("joinedOn", "validation.required");
        } else if (p.getJoinedOn().isAfter(today)) {
            errors.add("joinedOn", "household.date.future");
        }
    }

    /** Dictionary codes; 脱贫户 and 一般户 exclude each other. */
    public static void tags(List<String> tags, DictService dict, InvalidInputException.Collector errors) {
        for (String t : tags) {
            if (!t.matches("[A-Z_]{1,20}") || !dict.isValid("household_tag", t)) {
                errors.add("tags", "dict.invalid", t);
            }
        }
        if (tags.contains(Household.TUOPIN) && tags.contains(Household.YIBAN)) {
            errors.add("tags", "household.tags.exclusive");
        }
    }

    public static void income(BigDecimal v, String field, InvalidInputException.Collector errors) {
        if (v.signum() < 0 || v.compareTo(MAX_INCOME) > 0) {
            errors.add(field, "validation.between", 0, "10,000,000");
        } else if (v.scale() > 2 && v.stripTrailingZeros().scale() > 2) {
            errors.add(field, "household.income.decimals");
        }
    }

    private static void code(DictService dict, String type, String value, String field, InvalidInputException.Collector errors) {
        if (value != null && !dict.isValid(type, value)) {
            errors.add(field, "dict.invalid", value);
        }
    }

    static void text(String value, String field, boolean required, int max, InvalidInputException.Collector errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "validation.required");
            }
        } else if (value.length() > max) {
            errors.add(field, "validation.tooLong", max);
        }
    }
}
