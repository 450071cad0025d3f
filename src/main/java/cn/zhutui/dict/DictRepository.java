package cn.zhutui.dict;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DictRepository {

    private final JdbcClient jdbc;

    DictRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DictType> types() {
        return jdbc.sql("SELECT code, name, name_en, sort FROM dict_type ORDER BY sort, code").query(DictType.class).list();
    }

    Optional<DictType> type(String code) {
        return jdbc.sql("SELECT code, name, name_en, sort FROM dict_type WHERE code = :code")
                .param("code", code).query(DictType.class).optional();
    }

    List<DictItem> allItems() {
        return jdbc.sql("SELECT * FROM dict_item ORDER BY type_code, sort, id").query(DictItem.class).list();
    }

    Optional<DictItem> item(long id) {
        return jdbc.sql("SELECT * FROM dict_item WHERE id = :id").param("id", id).query(DictItem.class).optional();
    }

    long insert(String type, String code, String label, String labelEn, int sort) {
        return jdbc.sql("""
                        INSERT INTO dict_item (type_code, code, label, label_en, sort)
                        VALUES (:type, :code, :label, :labelEn, :sort) RETURNING id""")
                .param("type", type).param("code", code).param("label", label).param("labelEn", labelEn)
                .param("sort", sort).query(Long.class).single();
    }

    boolean update(long id, int version, String label, String labelEn, int sort, boolean enabled) {
        return jdbc.sql("""
                        UPDATE dict_item SET label = :label, label_en = :labelEn, sort = :sort, enabled = :enabled,
                               version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("id", id).param("version", version).param("label", label).param("labelEn", labelEn)
                .param("sort", sort).param("enabled", enabled).update() == 1;
    }
}
