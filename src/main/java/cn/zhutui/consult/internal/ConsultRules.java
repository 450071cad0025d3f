package cn.zhutui.consult.internal;

import cn.zhutui.common.InvalidInputException;
import cn.zhutui.consult.FeedbackForm;
import cn.zhutui.consult.FollowUpForm;
import cn.zhutui.consult.MeetingForm;
import cn.zhutui.consult.MinutesForm;
import cn.zhutui.consult.OutcomeForm;
import cn.zhutui.consult.ParticipantForm;
import cn.zhutui.consult.PlatformForm;
import cn.zhutui.consult.PublishForm;
import cn.zhutui.consult.SeatForm;
import cn.zhutui.consult.StepForm;
import cn.zhutui.consult.TopicForm;
import cn.zhutui.dict.DictService;
import java.time.LocalDate;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules of the consultation records that need no database beyond the coded lists: required
 * fields, lengths, dates, codes. One set for every door — the page, the phone form, the spreadsheet
 * import — so a rule is written once. Broken rules are collected and reported together.
 */
@Component
public class ConsultRules {

    public static final String LEVELS = "consult_platform_level";
    public static final String SOURCES = "consult_topic_source";
    public static final String ROLES = "consult_participant_role";
    public static final String COUNCIL_ROLES = "consult_council_role";
    public static final String STAGES = "consult_progress_stage";
    public static final String SATISFACTION = "consult_satisfaction";

    /** A mobile number or a resident ID number: personal data a public text must not hold. */
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?!\\d)");

    private final DictService dict;

    ConsultRules(DictService dict) {
        this.dict = dict;
    }

    public void platform(PlatformForm f, LocalDate today, InvalidInputException.Collector errors) {
        text(f.getName(), "name", true, 100, errors);
        code(f.getLevel(), LEVELS, "level", true, errors);
        if (f.getRegionCode() == null || f.getRegionCode().isBlank()) {
            errors.add("regionCode", "validation.required");
        }
        text(f.getVenue(), "venue", false, 200, errors);
        text(f.getDescription(), "description", false, 1000, errors);
        if (f.getEstablishedOn() != null && f.getEstablishedOn().isAfter(today)) {
            errors.add("establishedOn", "consult.date.future");
        }
    }

    public void seat(SeatForm f, LocalDate today, InvalidInputException.Collector errors) {
        if (f.getMemberId() == null) {
            text(f.getName(), "name", true, 50, errors);
        }
        code(f.getIdentity(), ROLES, "identity", true, errors);
        code(f.getRole(), COUNCIL_ROLES, "role", true, errors);
        text(f.getAffiliation(), "affiliation", false, 100, errors);
        if (f.getSince() != null && f.getSince().isAfter(today)) {
            errors.add("since", "consult.date.future");
        }
    }

    public void topic(TopicForm f, LocalDate today, InvalidInputException.Collector errors) {
        if (f.getPlatformId() == null) {
            errors.add("platformId", "validation.required");
        }
        text(f.getTitle(), "title", true, 200, errors);
        text(f.getDescription(), "description", false, 4000, errors);
        code(f.getSource(), SOURCES, "source", true, errors);
        text(f.getRaisedBy(), "raisedBy", false, 100, errors);
        if (f.getRaisedOn() == null) {
            errors.add("raisedOn", "validation.required");
        } else if (f.getRaisedOn().isAfter(today)) {
            errors.add("raisedOn", "consult.date.future");
        }
        if (f.getRegionCode() == null || f.getRegionCode().isBlank()) {
            errors.add("regionCode", "validation.required");
        }
        text(f.getAffected(), "affected", false, 500, errors);
        if (f.getHouseholds() != null && (f.getHouseholds() < 0 || f.getHouseholds() > 1_000_000)) {
            errors.add("households", "validation.between", 0, "1,000,000");
        }
        if ("MEMBER".equals(f.getSource()) && f.getRaisedMemberId() == null) {
            errors.add("raisedMemberId", "consult.topic.memberRequired");
        }
    }

    public void meeting(MeetingForm f, InvalidInputException.Collector errors) {
        text(f.getTitle(), "title", true, 200, errors);
        if (f.getHeldOn() == null) {
            errors.add("heldOn", "validation.required");
        }
        text(f.getPlace(), "place", true, 200, errors);
        if (f.getHostMemberId() == null) {
            errors.add("hostMemberId", "consult.meeting.hostRequired");
        }
        text(f.getAgenda(), "agenda", false, 4000, errors);
    }

    public void participant(ParticipantForm f, InvalidInputException.Collector errors) {
        if (f.getMemberId() == null) {
            text(f.getName(), "name", true, 50, errors);
        }
        code(f.getRole(), ROLES, "role", true, errors);
        text(f.getAffiliation(), "affiliation", false, 100, errors);
    }

    public void minutes(MinutesForm f, InvalidInputException.Collector errors) {
        text(f.getMinutes(), "minutes", false, 20_000, errors);
        text(f.getConsensus(), "consensus", false, 4000, errors);
        if (f.getConsensusReached() != null && (f.getConsensus() == null || f.getConsensus().isBlank())) {
            errors.add("consensus", f.getConsensusReached() ? "consult.minutes.consensusText" : "consult.minutes.disagreementText");
        }
    }

    public void outcome(OutcomeForm f, LocalDate heldOn, InvalidInputException.Collector errors) {
        text(f.getAction(), "action", true, 1000, errors);
        text(f.getResponsible(), "responsible", true, 200, errors);
        if (f.getDeadline() == null) {
            errors.add("deadline", "validation.required");
        } else if (heldOn != null && f.getDeadline().isBefore(heldOn)) {
            errors.add("deadline", "consult.outcome.deadlineBeforeMeeting", heldOn);
        }
    }

    public void followUp(FollowUpForm f, LocalDate today, InvalidInputException.Collector errors) {
        if (f.getNotedOn() == null) {
            errors.add("notedOn", "validation.required");
        } else if (f.getNotedOn().isAfter(today)) {
            errors.add("notedOn", "consult.date.future");
        }
        code(f.getStage(), STAGES, "stage", false, errors);
        text(f.getNote(), "note", true, 2000, errors);
    }

    public void feedback(FeedbackForm f, LocalDate today, InvalidInputException.Collector errors) {
        if (f.getReceivedOn() == null) {
            errors.add("receivedOn", "validation.required");
        } else if (f.getReceivedOn().isAfter(today)) {
            errors.add("receivedOn", "consult.date.future");
        }
        text(f.getSource(), "source", true, 100, errors);
        code(f.getSatisfaction(), SATISFACTION, "satisfaction", true, errors);
        if (f.getSolved() == null) {
            errors.add("solved", "validation.required");
        }
        text(f.getNote(), "note", false, 1000, errors);
    }

    public void step(StepForm f, InvalidInputException.Collector errors) {
        text(f.getName(), "name", true, 50, errors);
        text(f.getNameEn(), "nameEn", false, 80, errors);
        if (f.getRequirement() == null) {
            errors.add("requirement", "validation.required");
        }
    }

    /**
     * What the public page shows must hold no personal data: not the name of anyone who took part
     * (participants, the host, council members, who raised it), no phone number, no ID number.
     */
    public void publicText(PublishForm f, Collection<String> personalNames, InvalidInputException.Collector errors) {
        text(f.getPublicTitle(), "publicTitle", true, 200, errors);
        text(f.getPublicText(), "publicText", true, 2000, errors);
        for (String field : new String[] {"publicTitle", "publicText"}) {
            String value = "publicTitle".equals(field) ? f.getPublicTitle() : f.getPublicText();
            if (value == null) {
                continue;
            }
            Matcher phone = PHONE.matcher(value);
            if (phone.find()) {
                errors.add(field, "consult.publish.phone", phone.group());
            }
            Matcher id = ID_NUMBER.matcher(value);
            if (id.find()) {
                errors.add(field, "consult.publish.idNumber");
            }
            personalNames.stream().filter(n -> n != null && n.trim().length() >= 2 && value.contains(n.trim())).distinct().findFirst()
                    .ifPresent(n -> errors.add(field, "consult.publish.personalName", n.trim()));
        }
    }

    private void code(String value, String type, String field, boolean required, InvalidInputException.Collector errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "validation.required");
            }
        } else if (!dict.isValid(type, value)) {
            errors.add(field, "dict.invalid", value);
        }
    }

    private static void text(String value, String field, boolean required, int max, InvalidInputException.Collector errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "validation.required");
            }
        } else if (value.length() > max) {
            errors.add(field, "validation.tooLong", max);
        }
    }
}
