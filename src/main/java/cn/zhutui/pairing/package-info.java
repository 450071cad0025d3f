/**
 * 三联三促 (结对帮扶): pairings of every kind with their dates and replacements
 * ({@link cn.zhutui.pairing.PairingService}, with the 1+1 check), duty lists per kind and org and
 * duties ticked only with evidence ({@link cn.zhutui.pairing.DutyService}), visits recorded on the
 * phone — offline too — and on the office's page, with their photos and, in the same step, their
 * ledger entry ({@link cn.zhutui.pairing.VisitService}), and oversight: quarterly compliance,
 * figures kept in step, grouped reminders, the circular ({@link cn.zhutui.pairing.OversightService}).
 * Its SQL, its facts and its documents are in {@code pairing.internal}.
 */
package cn.zhutui.pairing;
