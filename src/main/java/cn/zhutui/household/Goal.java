package cn.zhutui.household;

/** The "四个有" goals of a household (seeds/003): income, living environment, spirit, social security. */
public enum Goal {
    /** 有持续稳定增长的收入 */
    INCOME,
    /** 有良好的人居环境 */
    ENVIRONMENT,
    /** 有积极向上的精神风貌 */
    SPIRIT,
    /** 有可靠的社会保障 */
    SECURITY
}
