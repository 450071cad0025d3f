-- Coded lists (字典): sectors, ethnicities, parties, positions, region tags … Items are retired
-- (enabled = false), not deleted, because records keep their codes.
CREATE TABLE dict_type (
    code     varchar(40)  PRIMARY KEY,
    name     varchar(100) NOT NULL,
    name_en  varchar(100),
    sort     int          NOT NULL DEFAULT 0
);

CREATE TABLE dict_item (
    id        bigserial    PRIMARY KEY,
    type_code varchar(40)  NOT NULL REFERENCES dict_type (code),
    code      varchar(40)  NOT NULL,
    label     varchar(100) NOT NULL,
    label_en  varchar(100),
    sort      int          NOT NULL DEFAULT 0,
    enabled   boolean      NOT NULL DEFAULT true,
    version   int          NOT NULL DEFAULT 0,
    UNIQUE (type_code, code)
);

CREATE TABLE region_tag (
    region_code varchar(12) NOT NULL REFERENCES region (code),
    tag_code    varchar(40) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, tag_code)
);
CREATE INDEX region_tag_tag_idx ON region_tag (tag_code);

INSERT INTO dict_type (code, name, name_en, sort) VALUES
    ('sector', '界别', 'Sector', 1),
    ('ethnicity', '民族', 'Ethnicity', 2),
    ('party', '政治面貌', 'Political affiliation', 3),
    ('position', '组织职务', 'Position', 4),
    ('term', '届别', 'Term', 5),
    ('region_tag', '区划标签', 'Region tag', 6);

INSERT INTO dict_item (type_code, code, label, label_en, sort) VALUES
    ('sector', 'CPC', '中国共产党', 'Communist Party of China', 1),
    ('sector', 'RCCK', '中国国民党革命委员会', 'RCCK', 2),
    ('sector', 'CDL', '中国民主同盟', 'China Democratic League', 3),
    ('sector', 'CNDCA', '中国民主建国会', 'CNDCA', 4),
    ('sector', 'CAPD', '中国民主促进会', 'CAPD', 5),
    ('sector', 'CPWDP', '中国农工民主党', 'CPWDP', 6),
    ('sector', 'CZGP', '中国致公党', 'China Zhi Gong Party', 7),
    ('sector', 'JS', '九三学社', 'Jiusan Society', 8),
    ('sector', 'TDSGL', '台湾民主自治同盟', 'Taiwan Democratic Self-Government League', 9),
    ('sector', 'NONPARTY', '无党派民主人士', 'Non-party personages', 10),
    ('sector', 'CYL', '中国共产主义青年团', 'Communist Youth League', 11),
    ('sector', 'ACFTU', '总工会', 'Trade unions', 12),
    ('sector', 'WOMEN', '妇女联合会', 'Women''s federation', 13),
    ('sector', 'YOUTH', '青年联合会', 'Youth federation', 14),
    ('sector', 'ACFIC', '工商业联合会', 'Industry and commerce', 15),
    ('sector', 'CAST', '科学技术协会', 'Science and technology association', 16),
    ('sector', 'OVERSEAS', '归国华侨联合会', 'Returned overseas Chinese', 17),
    ('sector', 'CULTURE', '文化艺术界', 'Culture and arts', 18),
    ('sector', 'SCIENCE', '科学技术界', 'Science and technology', 19),
    ('sector', 'SOCSCI', '社会科学界', 'Social sciences', 20),
    ('sector', 'ECONOMY', '经济界', 'Economy', 21),
    ('sector', 'AGRICULTURE', '农业界', 'Agriculture', 22),
    ('sector', 'EDUCATION', '教育界', 'Education', 23),
    ('sector', 'SPORTS', '体育界', 'Sports', 24),
    ('sector', 'PRESS', '新闻出版界', 'Press and publishing', 25),
    ('sector', 'HEALTH', '医药卫生界', 'Medicine and health', 26),
    ('sector', 'FRIENDSHIP', '对外友好界', 'Friendship with foreign countries', 27),
    ('sector', 'WELFARE', '社会福利和社会保障界', 'Social welfare and security', 28),
    ('sector', 'ENVIRONMENT', '环境资源界', 'Environment and resources', 29),
    ('sector', 'ETHNIC', '少数民族界', 'Ethnic minorities', 30),
    ('sector', 'RELIGION', '宗教界', 'Religion', 31),
    ('sector', 'INVITED', '特别邀请人士', 'Specially invited', 32),

    ('party', 'CPC', '中共党员', 'CPC member', 1),
    ('party', 'RCCK', '民革党员', 'RCCK member', 2),
    ('party', 'CDL', '民盟盟员', 'CDL member', 3),
    ('party', 'CNDCA', '民建会员', 'CNDCA member', 4),
    ('party', 'CAPD', '民进会员', 'CAPD member', 5),
    ('party', 'CPWDP', '农工党党员', 'CPWDP member', 6),
    ('party', 'CZGP', '致公党党员', 'CZGP member', 7),
    ('party', 'JS', '九三学社社员', 'Jiusan member', 8),
    ('party', 'TDSGL', '台盟盟员', 'TDSGL member', 9),
    ('party', 'NONPARTY', '无党派人士', 'Non-party', 10),
    ('party', 'MASSES', '群众', 'No affiliation', 11),

    ('position', 'CHAIR', '主席', 'Chair', 1),
    ('position', 'VICE_CHAIR', '副主席', 'Vice chair', 2),
    ('position', 'SECRETARY_GENERAL', '秘书长', 'Secretary-general', 3),
    ('position', 'STANDING', '常委', 'Standing committee member', 4),
    ('position', 'DIRECTOR', '主任', 'Director', 5),
    ('position', 'VICE_DIRECTOR', '副主任', 'Deputy director', 6),
    ('position', 'MEMBER', '委员', 'Member', 7),
    ('position', 'STAFF', '工作人员', 'Staff', 8),

    ('term', '12', '十二届', '12th term', 1),
    ('term', '13', '十三届', '13th term', 2),

    ('region_tag', 'NATIONAL_KEY', '国家乡村振兴重点帮扶县', 'National key assisted county', 1),
    ('region_tag', 'PROVINCIAL_KEY', '省级乡村振兴重点帮扶县', 'Provincial key assisted county', 2),
    ('region_tag', 'DEEP_POVERTY', '深度贫困县', 'Deeply impoverished county', 3),
    ('region_tag', 'RELOCATION', '易地搬迁安置点', 'Relocation site', 4),
    ('region_tag', 'DIRECT_TRANSITION', '直过民族聚居区', 'Directly-transitioned ethnic area', 5);

INSERT INTO dict_item (type_code, code, label, sort)
SELECT 'ethnicity', lpad(n::text, 2, '0'), e, n
FROM unnest(ARRAY['汉族','蒙古族','回族','藏族','维吾尔族','苗族','彝族','壮族','布依族','朝鲜族',
    '满族','侗族','瑶族','白族','土家族','哈尼族','哈萨克族','傣族','黎族','傈僳族','佤族','畲族',
    '高山族','拉祜族','水族','东乡族','纳西族','景颇族','柯尔克孜族','土族','达斡尔族','仫佬族',
    '羌族','布朗族','撒拉族','毛南族','仡佬族','锡伯族','阿昌族','普米族','塔吉克族','怒族',
    '乌孜别克族','俄罗斯族','鄂温克族','德昂族','保安族','裕固族','京族','塔塔尔族','独龙族',
    '鄂伦春族','赫哲族','门巴族','珞巴族','基诺族']) WITH ORDINALITY AS t(e, n);
