package cn.zhutui.member;

import java.util.List;

public record Member(long id, String name, String gender, String ethnicity, String sector, String party,
                     String employer, String post, String phone, List<String> expertise, String term,
                     String remark, boolean active, int version) {
}
