package cn.zhutui.consult;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Role;
import cn.zhutui.member.MemberQuery;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.region.RegionService;
import cn.zhutui.security.UserForm;
import cn.zhutui.security.UserService;
import cn.zhutui.support.Scopes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Builds consultation records for the tests through the module's services, with unique names so
 * tests can share the demo database: platforms, topics, meetings held with their people and
 * minutes, outcomes; and users of a county of their own, for hand-computed figures.
 */
@Component
public class ConsultFixtures {

    private final PlatformService platforms;
    private final TopicService topics;
    private final MeetingService meetings;
    private final OutcomeService outcomes;
    private final MemberService members;
    private final OrgService orgs;
    private final RegionService regions;
    private final UserService users;
    private final Scopes scopes;

    ConsultFixtures(PlatformService platforms, TopicService topics, MeetingService meetings, OutcomeService outcomes, MemberService members,
                    OrgService orgs, RegionService regions, UserService users, Scopes scopes) {
        this.platforms = platforms;
        this.topics = topics;
        this.meetings = meetings;
        this.outcomes = outcomes;
        this.members = members;
        this.orgs = orgs;
        this.regions = regions;
        this.users = users;
        this.scopes = scopes;
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A new user of a county committee (by region code) holding the roles; a cadre gets the region given. */
    public String user(String countyCode, String cadreRegion, Role... roles) {
        String name = unique("cst");
        UserForm f = new UserForm();
        f.setUsername(name);
        f.setDisplayName("协商测试" + name.substring(3));
        f.setOrgId(orgs.committeeOfRegion(countyCode).orElseThrow().id());
        f.setRoles(EnumSet.copyOf(List.of(roles)));
        f.setRegionCode(cadreRegion);
        users.create(scopes.of("admin"), f, "Consult-test2026");
        return name;
    }

    public DataScope scope(String username) {
        return scopes.of(username);
    }

    public List<Long> membersOf(String countyCode) {
        return members.search(scopes.of("admin"), new MemberQuery(orgs.committeeOfRegion(countyCode).orElseThrow().id(), false, null, null, null, true),
                PageRequest.of(1, 50)).items().stream().map(i -> i.member().id()).toList();
    }

    /** The first village of a county (or township, if asked). */
    public String place(String countyCode, RegionLevel level) {
        return regions.atLevel(level, countyCode).get(0).code();
    }

    public long platform(DataScope office, String level, String regionCode) {
        PlatformForm f = new PlatformForm();
        f.setName(unique("测试议事平台"));
        f.setLevel(level);
        f.setRegionCode(regionCode);
        f.setVenue("村委会会议室");
        f.setActive(true);
        return platforms.create(office, f);
    }

    public TopicForm topicForm(long platformId, String title, LocalDate raisedOn, String regionCode) {
        TopicForm f = new TopicForm();
        f.setPlatformId(platformId);
        f.setTitle(title);
        f.setSource("RESIDENT");
        f.setRaisedBy("村民代表");
        f.setRaisedOn(raisedOn);
        f.setRegionCode(regionCode);
        f.setAffected("村民");
        return f;
    }

    public long topic(DataScope scope, long platformId, LocalDate raisedOn) {
        Platform p = platforms.get(scope, platformId);
        return topics.create(scope, topicForm(platformId, unique("关于测试议题"), raisedOn, p.regionCode()), null);
    }

    public record Person(Long memberId, String name, String role) {
    }

    public static Person person(String name, String role) {
        return new Person(null, name, role);
    }

    public static Person member(long id) {
        return new Person(id, null, "MEMBER");
    }

    public long meeting(DataScope office, long topicId, LocalDate heldOn, long host, List<Person> people) {
        MeetingForm f = new MeetingForm();
        f.setTopicId(topicId);
        f.setTitle(unique("测试协商会"));
        f.setHeldOn(heldOn);
        f.setPlace("村委会会议室");
        f.setHostMemberId(host);
        long id = meetings.create(office, f);
        for (Person p : people) {
            ParticipantForm pf = new ParticipantForm();
            pf.setMemberId(p.memberId());
            pf.setName(p.name());
            pf.setRole(p.role());
            meetings.addParticipant(office, id, pf);
        }
        return id;
    }

    /** Everyone present, minutes written with a consensus. */
    public void minutes(DataScope office, long meetingId) {
        for (Participant p : meetings.details(office, meetingId).participants()) {
            meetings.attendance(office, meetingId, p.id(), true);
        }
        MinutesForm mf = new MinutesForm();
        mf.setMinutes("各方充分发表意见。");
        mf.setConsensusReached(true);
        mf.setConsensus("达成共识：按期落实。");
        mf.setVersion(meetings.get(office, meetingId).version());
        meetings.saveMinutes(office, meetingId, mf);
    }

    public long outcome(DataScope office, long meetingId, String action, LocalDate deadline) {
        OutcomeForm f = new OutcomeForm();
        f.setAction(action);
        f.setResponsible("镇人民政府");
        f.setDeadline(deadline);
        return outcomes.create(office, meetingId, f);
    }

    /** Sends, has every attendee's signature recorded, and makes the minutes final. */
    public void makeFinal(DataScope office, long meetingId) {
        meetings.send(office, meetingId, meetings.get(office, meetingId).version());
        for (Participant p : meetings.details(office, meetingId).participants()) {
            if (p.present() && !p.confirmed()) {
                meetings.recordSignature(office, meetingId, p.id());
            }
        }
        meetings.finalizeMinutes(office, meetingId, meetings.get(office, meetingId).version());
    }

    /** A held meeting with final minutes and the given outcome deadlines; answers the outcome ids. */
    public List<Long> finalMeeting(DataScope office, long topicId, LocalDate heldOn, long host, LocalDate... deadlines) {
        long meeting = meeting(office, topicId, heldOn, host, List.of(person(unique("村民"), "RESIDENT_REP")));
        minutes(office, meeting);
        List<Long> ids = new ArrayList<>();
        for (LocalDate d : deadlines) {
            ids.add(outcome(office, meeting, unique("落实措施"), d));
        }
        makeFinal(office, meeting);
        return ids;
    }

    public void done(DataScope office, long outcomeId, LocalDate on) {
        outcomes.markDone(office, outcomeId, outcomes.get(office, outcomeId).version(), on, "已办结");
    }

    public void feedback(DataScope scope, long outcomeId, LocalDate on, boolean solved) {
        FeedbackForm f = new FeedbackForm();
        f.setReceivedOn(on);
        f.setSource("入户回访");
        f.setSatisfaction(solved ? "SATISFIED" : "UNSATISFIED");
        f.setSolved(solved);
        outcomes.addFeedback(scope, outcomeId, f, null);
    }
}
