/**
 * The household registry (农户), a module of its own shared by the pairing module and the
 * monitoring module (返贫监测). Its public face:
 * <ul>
 *   <li>{@link cn.zhutui.household.HouseholdService} — every read and write through a
 *       {@link cn.zhutui.common.DataScope} (out of reach is 404): {@code get}, {@code view},
 *       {@code search}/{@code count}/{@code forEach} with a {@link cn.zhutui.household.HouseholdQuery},
 *       {@code findAll} (scoped), {@code summaries} (unscoped names, tags, village),
 *       {@code findByIdNumber} (exact, by keyed hash), {@code idNumberHash}; the people over time:
 *       {@code members}, {@code history}, {@code membersOn}, {@code headOn}, {@code addMember},
 *       {@code leave}, {@code changeRelation}, {@code changeHead}, {@code updatePerson}; status tags:
 *       {@code setTags}, {@code addTag}, {@code removeTag} (each publishes
 *       {@link cn.zhutui.household.HouseholdTagsChanged}); income: {@code incomes}, {@code setIncome};
 *       the "四个有": {@code goals}, {@code recordGoals}, {@code regressions}; personal data:
 *       {@code maskedIdNumber}, {@code revealIdNumber} and {@code revealPhone} (audited, for
 *       {@link cn.zhutui.common.Permission#PII_VIEW}); likely duplicates: {@code duplicates},
 *       {@code duplicatesOf}, {@code decideDuplicate}; {@code archive}; {@code changes} (the dated
 *       history from the audit log).</li>
 *   <li>{@link cn.zhutui.household.HouseholdLinks} — implemented by a module whose users work with
 *       particular households (a member's paired households, a cadre's monitoring cases): it gives
 *       them sight of those households and may hold a household from being archived.</li>
 *   <li>The model records: {@link cn.zhutui.household.Household}, {@link cn.zhutui.household.HouseholdView},
 *       {@link cn.zhutui.household.HouseholdMember}, {@link cn.zhutui.household.GoalAssessment},
 *       {@link cn.zhutui.household.GoalRegression}, {@link cn.zhutui.household.Income},
 *       {@link cn.zhutui.household.DuplicateCandidate}, the forms and {@link cn.zhutui.household.IdNumbers}.</li>
 * </ul>
 * ID numbers and phones exist in clear only in memory: stored AES-GCM encrypted
 * ({@code household.internal.PiiCipher}), looked up by HMAC-SHA256, never logged.
 */
package cn.zhutui.household;
