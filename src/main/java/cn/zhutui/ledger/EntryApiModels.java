package cn.zhutui.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the entry API. */
final class EntryApiModels {

    private EntryApiModels() {
    }

    /** An entry as the API returns it. */
    record EntryDto(long id, long campaignId, long taskTypeId, String taskType, long orgId, String org, String title,
                    String description, LocalDate startDate, LocalDate endDate, String regionCode, String region,
                    Integer households, Integer persons, String partner, EntryStatus status, String returnReason,
                    EntrySource source, List<MemberRef> members, List<ValueDto> values, List<EvidenceDto> evidence,
                    List<EntryFlag> flags, BigDecimal latitude, BigDecimal longitude, OffsetDateTime capturedAt,
                    OffsetDateTime submittedAt, OffsetDateTime reviewedAt, int version, OffsetDateTime createdAt,
                    OffsetDateTime updatedAt) {
    }

    record MemberRef(long id, String name) {
    }

    record ValueDto(long indicatorId, String name, String unit, BigDecimal value) {
    }

    record EvidenceDto(long id, String name, String contentType, long size, String url) {
    }

    /** totalAtLeast: the total was counted only up to a cap (there are at least that many). */
    record PageDto(List<EntryDto> items, long total, boolean totalAtLeast, int page, int size) {
    }

    /**
     * What a client sends to create or change an entry. values maps indicator ids to numbers;
     * version is the one last read (required to change an entry); submit sends it for review.
     */
    record EntryRequest(Long campaignId, Long taskTypeId, Long orgId, List<Long> memberIds, String title, String description,
                        LocalDate startDate, LocalDate endDate, String regionCode, Integer households, Integer persons,
                        String partner, Map<Long, BigDecimal> values, BigDecimal latitude, BigDecimal longitude,
                        OffsetDateTime capturedAt, Integer version, Boolean submit) {

        EntryForm toForm() {
            EntryForm f = new EntryForm();
            f.setCampaignId(campaignId);
            f.setTaskTypeId(taskTypeId);
            f.setOrgId(orgId);
            f.setMemberIds(memberIds);
            f.setTitle(title);
            f.setDescription(description);
            f.setStartDate(startDate);
            f.setEndDate(endDate);
            f.setRegionCode(regionCode);
            f.setHouseholds(households);
            f.setPersons(persons);
            f.setPartner(partner);
            f.setValues(values == null ? new java.util.LinkedHashMap<>() : new java.util.LinkedHashMap<>(values));
            f.setLatitude(latitude);
            f.setLongitude(longitude);
            f.setCapturedAt(capturedAt);
            f.setVersion(version == null ? 0 : version);
            return f;
        }
    }

    record VersionRequest(Integer version) {
    }

    /** A reviewer's decision: APPROVE, or RETURN with a reason. */
    record ReviewRequest(Integer version, Decision decision, String reason) {
    }

    enum Decision {
        APPROVE,
        RETURN
    }
}
