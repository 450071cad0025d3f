package cn.zhutui.dict;

public record DictType(String code, String name, String nameEn, int sort) {
}
