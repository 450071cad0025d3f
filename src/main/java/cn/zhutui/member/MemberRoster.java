package cn.zhutui.member;

import java.util.List;

/** The columns of the member roster, shared by the import template, the import and the export. */
final class MemberRoster {

    static final int NAME = 0;
    static final int GENDER = 1;
    static final int ETHNICITY = 2;
    static final int SECTOR = 3;
    static final int PARTY = 4;
    static final int EMPLOYER = 5;
    static final int POST = 6;
    static final int PHONE = 7;
    static final int EXPERTISE = 8;
    static final int TERM = 9;
    static final int ORG = 10;
    static final int POSITION = 11;
    static final int OTHER_ORGS = 12;

    /** Message keys of the column titles, in order. */
    static final List<String> TITLES = List.of("member.name", "member.gender", "member.ethnicity", "member.sector",
            "member.party", "member.employer", "member.post", "member.phone", "member.expertise", "member.term",
            "member.mainOrg", "member.position", "member.otherOrgs");

    static final List<Integer> REQUIRED = List.of(NAME, ORG, POSITION);

    private MemberRoster() {
    }

    /** How an org appears in a roster cell: its name and id, unique even where names repeat. */
    static String orgCell(String name, long id) {
        return name + " [" + id + "]";
    }
}
