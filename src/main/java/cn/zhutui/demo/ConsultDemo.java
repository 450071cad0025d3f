package cn.zhutui.demo;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.consult.FeedbackForm;
import cn.zhutui.consult.FollowUpForm;
import cn.zhutui.consult.MeetingForm;
import cn.zhutui.consult.MeetingService;
import cn.zhutui.consult.MinutesForm;
import cn.zhutui.consult.OutcomeForm;
import cn.zhutui.consult.OutcomeService;
import cn.zhutui.consult.Participant;
import cn.zhutui.consult.ParticipantForm;
import cn.zhutui.consult.PlatformForm;
import cn.zhutui.consult.PlatformService;
import cn.zhutui.consult.PublishForm;
import cn.zhutui.consult.SeatForm;
import cn.zhutui.consult.Step;
import cn.zhutui.consult.TopicForm;
import cn.zhutui.consult.TopicService;
import cn.zhutui.consult.ProcedureService;
import cn.zhutui.member.MemberQuery;
import cn.zhutui.member.MemberService;
import cn.zhutui.security.CurrentScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's grassroots consultation (协商在基层) in Luquan and Wuding: township, village and
 * enterprise platforms with their councils; topics at every step — waiting to be accepted,
 * declined, researched, consulted, followed up, solved; meetings with their people, sign-in,
 * minutes confirmed and final (one waiting for member.demo's confirmation, one still a draft he
 * hosts); outcomes on time, overdue, carried out and solved, some published. Everything goes in
 * through the module's services, as the counties' office staff (and a cadre) would enter it.
 * Names of villagers and enterprises are invented.
 */
@Component
@Order(40)
class ConsultDemo implements DemoStep {

    private final PlatformService platforms;
    private final ProcedureService procedure;
    private final TopicService topics;
    private final MeetingService meetings;
    private final OutcomeService outcomes;
    private final MemberService members;
    private final CurrentScope scopes;
    private final Clock clock;

    ConsultDemo(PlatformService platforms, ProcedureService procedure, TopicService topics, MeetingService meetings,
                OutcomeService outcomes, MemberService members, CurrentScope scopes, Clock clock) {
        this.platforms = platforms;
        this.procedure = procedure;
        this.topics = topics;
        this.meetings = meetings;
        this.outcomes = outcomes;
        this.members = members;
        this.scopes = scopes;
        this.clock = clock;
    }

    private LocalDate today;

    @Override
    public void load(DataScope system, DemoContext context) {
        today = LocalDate.now(clock);
        luquan(context);
        wuding(context);
    }

    private LocalDate ago(int days) {
        return today.minusDays(days);
    }

    // ---------------------------------------------------------------- Luquan

    private void luquan(DemoContext context) {
        DataScope office = scopes.ofUsername("luquan.staff").asLoader();
        List<Long> m = memberIds(office, context.committeesByRegion().get(DemoAccounts.LUQUAN));
        long memberDemo = m.get(0);

        long pingshan = platform(office, "屏山街道协商议事平台", "TOWNSHIP", "530128001", "屏山街道便民服务中心三楼协商议事室", ago(900),
                "依托屏山街道委员活动小组搭建，议事会由政协委员、街道干部、社区代表组成，每月第二周集中议事。");
        long beijie = platform(office, "北街社区协商议事室", "VILLAGE", "530128001001", "北街社区居委会二楼", ago(820),
                "聚焦老旧小区改造、社区治理中的群众身边事。");
        long yanwachong = platform(office, "砚瓦冲村村民议事室", "VILLAGE", "530128001202", "砚瓦冲村委会会议室", ago(760),
                "村“两委”、村民小组长、村民代表和挂联委员共同议事。");
        long sayingpan = platform(office, "撒营盘镇协商议事平台", "TOWNSHIP", "530128102", "撒营盘镇政府一楼协商议事室", ago(700), null);
        long shangde = platform(office, "尚德村协商议事室", "VILLAGE", "530128102201", "尚德村委会", ago(640), null);
        long flowers = platform(office, "禄劝云岭花卉种植专业合作社协商议事点", "ENTERPRISE", "530128102205", "三蒙村花卉基地管理用房", ago(600),
                "合作社流转三蒙村土地1720亩种植鲜切花，设立议事点协调企业与村民关系。");

        seat(office, pingshan, m.get(1), null, "MEMBER", "CONVENER", "禄劝县政协委员");
        seat(office, pingshan, null, "张建华", "OFFICIAL", "DEPUTY", "屏山街道党工委");
        seat(office, pingshan, null, "李秀兰", "RESIDENT_REP", "MEMBER", "北街社区居民代表");
        seat(office, beijie, memberDemo, null, "MEMBER", "CONVENER", "禄劝县政协委员");
        seat(office, beijie, null, "王德福", "OFFICIAL", "LIAISON", "北街社区居委会");
        seat(office, yanwachong, m.get(2), null, "MEMBER", "CONVENER", "挂联委员");
        seat(office, yanwachong, null, "普文斌", "OFFICIAL", "DEPUTY", "砚瓦冲村委会");
        seat(office, yanwachong, null, "者玉兰", "RESIDENT_REP", "MEMBER", "大村村民小组");
        seat(office, flowers, m.get(3), null, "MEMBER", "CONVENER", "禄劝县政协委员");
        seat(office, flowers, null, "杨海燕", "STAKEHOLDER", "MEMBER", "云岭花卉种植专业合作社");
        seat(office, flowers, null, "李国强", "RESIDENT_REP", "MEMBER", "三蒙村村民代表");
        seat(office, shangde, m.get(4), null, "MEMBER", "CONVENER", "禄劝县政协委员");

        // the land-rent dispute, consulted, carried out, solved and published
        long rent = topic(office, flowers, "关于解决三蒙村花卉基地土地流转租金拖欠问题", "RESIDENT", "三蒙村村民小组长", null, ago(300),
                "530128102205", "流转土地的村民312户", 312,
                "受花卉市场行情影响，合作社资金周转困难，2期土地流转租金和灌溉水费未能按时支付，村民多次到村委会反映，矛盾有激化的苗头。");
        long rentMeeting = meeting(office, rent, "关于三蒙村花卉基地土地租金问题的协商议事会议", ago(285), m.get(3), "三蒙村花卉基地管理用房",
                List.of(person(m.get(1), null, "MEMBER", "禄劝县政协委员"), person(null, "杨海燕", "STAKEHOLDER", "云岭花卉种植专业合作社"),
                        person(null, "李国强", "RESIDENT_REP", "三蒙村村民代表"), person(null, "罗正德", "RESIDENT_REP", "三蒙村村民代表"),
                        person(null, "马春梅", "RESIDENT_REP", "三蒙村村民代表"), person(null, "赵立新", "OFFICIAL", "撒营盘镇农业农村服务中心"),
                        person(null, "普桂芳", "OFFICIAL", "三蒙村委会"), person(null, "何志远", "COUNCIL", "议事会成员")),
                List.of("罗正德"),
                "一、村委会介绍租金拖欠情况；二、合作社说明经营困难和还款打算；三、村民代表发表意见；四、政协委员居中协调，形成共识。",
                "会议由政协委员主持。合作社负责人说明受市场影响资金链紧张，承诺分期补缴；村民代表起初要求一次付清，经充分沟通，理解企业困难。"
                        + "镇农业农村服务中心介绍了土地流转合同的约定和监管措施。",
                true, "村民同意合作社延期3个月缴纳拖欠的土地租金和水费，由镇农业农村服务中心监督合同履行，保证村民利益。");
        long rentOutcome1 = outcome(office, rentMeeting, "合作社在3个月内分两期付清拖欠的土地流转租金和灌溉水费", "云岭花卉种植专业合作社", ago(195));
        long rentOutcome2 = outcome(office, rentMeeting, "镇农业农村服务中心建立土地流转租金支付台账，按月督促，并在村务公开栏公示进度",
                "撒营盘镇农业农村服务中心、三蒙村委会", ago(220));
        finish(office, rentMeeting);
        followUp(office, rentOutcome1, ago(250), "IMPLEMENTING", "合作社已支付第一期租金，占拖欠总额的55%。");
        followUp(office, rentOutcome2, ago(240), "IMPLEMENTING", "支付台账已建立，首次公示已张贴在村务公开栏。");
        done(office, rentOutcome2, ago(225), "台账按月更新，公示三次。");
        followUp(office, rentOutcome1, ago(205), "CHECKING", "第二期租金和水费已到账，村委会核对无误。");
        done(office, rentOutcome1, ago(200), "拖欠租金和水费全部付清。");
        feedback(office, rentOutcome1, ago(190), "村民代表座谈", "SATISFIED", true, "租金已全部到位，村民满意。");
        feedback(office, rentOutcome2, ago(190), "入户回访", "SATISFIED", true, null);
        publish(office, rentOutcome1, "三蒙村花卉基地土地流转租金拖欠问题",
                "经协商，村民同意合作社延期3个月缴纳拖欠的土地租金和水费，由镇农业农村服务中心监督合同履行。合作社已分两期付清全部拖欠，问题已解决。");
        publish(office, rentOutcome2, "三蒙村土地流转租金支付情况公示",
                "镇农业农村服务中心建立土地流转租金支付台账，按月督促，并在村务公开栏公示进度，已公示三次。");
        moveTo(office, rent, "反馈评价", null);

        // the lifts of the old housing: outcomes in progress, one overdue, one published
        long lift = topic(office, beijie, "关于北街社区老旧小区加装电梯费用分摊问题", "RESIDENT", "北街社区居民", null, ago(150),
                "530128001001", "北街老旧小区6个单元住户96户", 96, "低楼层住户与高楼层住户对加装电梯的费用分摊比例意见不一，加装工作停滞。");
        long liftMeeting = meeting(office, lift, "北街社区加装电梯费用分摊协商会", ago(120), memberDemo, "北街社区居委会二楼",
                List.of(person(null, "王德福", "OFFICIAL", "北街社区居委会"), person(null, "段丽娟", "RESIDENT_REP", "3单元居民代表"),
                        person(null, "陈思源", "RESIDENT_REP", "5单元居民代表"), person(null, "周晓东", "EXPERT", "县住房和城乡建设局"),
                        person(m.get(5), null, "MEMBER", "禄劝县政协委员")),
                List.of(), "一、介绍加装电梯政策和补助标准；二、各楼层住户代表发表意见；三、协商分摊办法。",
                "县住建局介绍每部电梯可申请补助的标准。居民代表就分摊比例充分讨论，委员提出按楼层梯度分摊、一楼住户不出资的建议。",
                true, "按楼层梯度分摊加装费用，一楼住户不出资、不受益补偿由社区协调；社区牵头统一申报补助。");
        long liftOutcome1 = outcome(office, liftMeeting, "社区牵头统一申报加装电梯补助资金", "北街社区居委会", ago(30));
        long liftOutcome2 = outcome(office, liftMeeting, "制定按楼层梯度分摊的费用方案，经各单元住户签字确认", "北街社区居委会、各单元居民代表", today.plusDays(40));
        finish(office, liftMeeting);
        followUp(office, liftOutcome1, ago(60), "COORDINATING", "已收集4个单元的申报材料，2个单元正在补充产权证明。");
        followUp(office, liftOutcome2, ago(20), "IMPLEMENTING", "分摊方案初稿已在3个单元征求意见。");
        publish(office, liftOutcome2, "北街社区老旧小区加装电梯费用分摊问题",
                "经协商，按楼层梯度分摊加装费用，社区牵头统一申报补助。费用分摊方案正在各单元征求意见。");
        moveTo(office, lift, "督办落实", "纪要定稿后直接交办落实");

        // irrigation canal: solved, not yet published
        long canal = topic(office, yanwachong, "关于砚瓦冲村灌溉水渠维修资金筹集问题", "MEMBER", null, m.get(2), ago(240),
                "530128001202", "大村、小村两个村民小组", 58, "水渠年久失修，渗漏严重，春耕用水紧张，维修资金缺口约6万元。");
        long canalMeeting = meeting(office, canal, "砚瓦冲村水渠维修资金协商会", ago(225), m.get(2), "砚瓦冲村委会会议室",
                List.of(person(null, "普文斌", "OFFICIAL", "砚瓦冲村委会"), person(null, "者玉兰", "RESIDENT_REP", "大村村民小组"),
                        person(null, "字家兴", "RESIDENT_REP", "小村村民小组"), person(null, "杞云帆", "OFFICIAL", "屏山街道水务站")),
                List.of(), "协商水渠维修资金的筹集办法。",
                "街道水务站介绍了小型水利工程以奖代补政策。村民代表同意以投工投劳折抵部分资金。",
                true, "申请以奖代补资金4万元，其余由受益农户投工投劳折抵，村委会组织施工。");
        long canalOutcome = outcome(office, canalMeeting, "申请小型水利以奖代补资金并组织受益农户投工投劳维修水渠", "砚瓦冲村委会、屏山街道水务站", ago(150));
        finish(office, canalMeeting);
        followUp(office, canalOutcome, ago(180), "IMPLEMENTING", "奖补资金已批复，水渠维修开工。");
        done(office, canalOutcome, ago(160), "水渠1.2公里全部维修完成，通水验收合格。");
        feedback(office, canalOutcome, ago(150), "入户回访", "SATISFIED", true, "春耕用水有保障了。");
        moveTo(office, canal, "反馈评价", "维修已完成");

        // the market: minutes waiting for member.demo's confirmation
        long market = topic(office, pingshan, "关于屏山街道农贸市场周边占道经营问题", "DEPARTMENT", "县市场监督管理局屏山所", null, ago(40),
                "530128001", "市场周边商户和过往群众", null, "早市时段流动摊贩占道经营，交通拥堵，商户与摊贩矛盾突出。");
        long marketMeeting = meeting(office, market, "农贸市场周边占道经营问题协商会", ago(12), memberDemo, "屏山街道便民服务中心三楼协商议事室",
                List.of(person(m.get(1), null, "MEMBER", "禄劝县政协委员"), person(null, "张建华", "OFFICIAL", "屏山街道党工委"),
                        person(null, "李秀兰", "RESIDENT_REP", "北街社区居民代表"), person(null, "余春晓", "STAKEHOLDER", "流动摊贩代表"),
                        person(null, "唐志明", "STAKEHOLDER", "农贸市场商户代表")),
                List.of(), "协商早市流动摊贩的疏导办法。",
                "各方同意在市场东侧空地划定临时早市区，由街道统一管理。",
                true, "在市场东侧空地划定临时早市区，早6点至9点开放，街道和市场监管所联合管理。");
        outcome(office, marketMeeting, "划定市场东侧临时早市区并设置标识", "屏山街道办事处", today.plusDays(30));
        outcome(office, marketMeeting, "联合开展早市时段交通疏导", "屏山街道办事处、县市场监督管理局屏山所", today.plusDays(45));
        send(office, marketMeeting, m.get(1));
        moveTo(office, market, "协商议事", null);

        // walnut cooperative: a draft meeting member.demo hosts
        long walnut = topic(office, yanwachong, "关于砚瓦冲村核桃合作社年终分红方案问题", "RESIDENT", "合作社社员", null, ago(20),
                "530128001202", "合作社社员42户", 42, "社员对按股分红还是按交售量分红意见不一。");
        meeting(office, walnut, "核桃合作社分红方案协商会", ago(2), memberDemo, "砚瓦冲村委会会议室",
                List.of(person(null, "普文斌", "OFFICIAL", "砚瓦冲村委会"), person(null, "者玉兰", "RESIDENT_REP", "社员代表")),
                null, "协商年终分红方案。", null, null, null);
        moveTo(office, walnut, "协商议事", "社员要求尽快协商，调研与会前走访合并进行");

        // research, waiting, declined
        long road = topic(office, shangde, "关于尚德村通组道路硬化后的养护问题", "PARTY_GOV", "撒营盘镇党委", null, ago(35),
                "530128102201", "尚德村7个村民小组", 210, "道路硬化后缺少日常养护，部分路段边沟堵塞。");
        moveTo(office, road, "调研论证", null);
        topic(office, sayingpan, "关于撒营盘镇中心学校学生上下学交通安全问题", "RESIDENT", "学生家长代表", null, ago(8),
                "530128102", "中心学校学生600余名", null, "上下学高峰校门口车辆拥堵，缺少护学岗。");
        DataScope cadre = scopes.ofUsername("cadre.demo").asLoader();
        topic(cadre, pingshan, "关于南街社区背街小巷夜间照明不足问题", "RESIDENT", "南街社区居民", null, ago(3),
                "530128001002", "南街社区居民", null, "背街小巷路灯损坏多处，夜间出行不便。");
        long homestead = topic(cadre, pingshan, "关于要求调整宅基地审批政策的问题", "RESIDENT", "个别群众", null, ago(60),
                "530128001", null, null, "要求放宽宅基地审批面积。");
        topics.decline(office, homestead, topics.get(office, homestead).version(),
                "属于县级政策调整事项，已转县自然资源局研究答复，不纳入基层协商。");
    }

    // ---------------------------------------------------------------- Wuding

    private void wuding(DemoContext context) {
        DataScope office = scopes.ofUsername("wuding.staff").asLoader();
        List<Long> m = memberIds(office, context.committeesByRegion().get(DemoAccounts.WUDING));
        long shishan = platform(office, "狮山镇协商议事平台", "TOWNSHIP", "532329101", "狮山镇人民政府协商议事室", ago(800), null);
        long yongning = platform(office, "永宁村村民议事室", "VILLAGE", "532329101206", "永宁村委会", ago(700), null);
        long chadian = platform(office, "插甸镇协商议事平台", "TOWNSHIP", "532329104", "插甸镇便民服务中心", ago(650), null);
        long farm = platform(office, "武定恕德生态养殖场协商议事点", "ENTERPRISE", "532329101209", "养殖场办公楼", ago(500), null);
        seat(office, shishan, m.get(0), null, "MEMBER", "CONVENER", "武定县政协委员");
        seat(office, yongning, m.get(1), null, "MEMBER", "CONVENER", "挂联委员");
        seat(office, yongning, null, "李春明", "OFFICIAL", "DEPUTY", "永宁村委会");
        seat(office, farm, m.get(2), null, "MEMBER", "CONVENER", "武定县政协委员");

        long water = topic(office, yongning, "关于永宁村人畜饮水管网延伸问题", "RESIDENT", "永宁村上寨村民", null, ago(260),
                "532329101206", "上寨、下寨两个村民小组", 86, "上寨地势较高，现有管网水压不足，旱季人畜饮水困难。");
        long waterMeeting = meeting(office, water, "永宁村饮水管网延伸协商会", ago(240), m.get(1), "永宁村委会",
                List.of(person(null, "李春明", "OFFICIAL", "永宁村委会"), person(null, "起凤英", "RESIDENT_REP", "上寨村民代表"),
                        person(null, "鲁云海", "RESIDENT_REP", "下寨村民代表"), person(null, "毕德明", "OFFICIAL", "狮山镇水务站")),
                List.of(), "协商管网延伸线路和投入。", "镇水务站提出加装加压泵站的方案，村民同意投工投劳。",
                true, "加装加压泵站一座、延伸管网2.3公里，由镇水务站实施，村民投工投劳。");
        long waterOutcome = outcome(office, waterMeeting, "加装加压泵站并延伸供水管网2.3公里", "狮山镇水务站", ago(160));
        finish(office, waterMeeting);
        followUp(office, waterOutcome, ago(200), "IMPLEMENTING", "泵站主体完工，管网铺设过半。");
        done(office, waterOutcome, ago(170), "通水试运行正常。");
        feedback(office, waterOutcome, ago(165), "入户回访", "SATISFIED", true, "上寨家家通了自来水。");
        publish(office, waterOutcome, "永宁村人畜饮水管网延伸问题",
                "经协商，加装加压泵站一座、延伸供水管网2.3公里，由镇水务站实施，村民投工投劳。工程已完工通水，问题已解决。");
        moveTo(office, water, "反馈评价", null);

        long jobs = topic(office, shishan, "关于狮山镇易地搬迁安置点帮扶车间用工问题", "PARTY_GOV", "狮山镇党委", null, ago(110),
                "532329101", "安置点搬迁群众", 140, "帮扶车间订单不稳定，搬迁群众务工收入波动大。");
        long jobsMeeting = meeting(office, jobs, "安置点帮扶车间稳岗协商会", ago(95), m.get(0), "狮山镇人民政府协商议事室",
                List.of(person(null, "钱海峰", "STAKEHOLDER", "帮扶车间负责人"), person(null, "鲁丽萍", "RESIDENT_REP", "搬迁群众代表"),
                        person(null, "毕文斌", "OFFICIAL", "县人力资源和社会保障局")),
                List.of(), "协商稳定车间订单和用工的办法。", "各方同意拓展订单渠道，开展技能培训。",
                true, "县人社局协调订单渠道，车间与搬迁群众签订稳岗协议，开展两期技能培训。");
        long jobsOutcome = outcome(office, jobsMeeting, "组织两期缝纫技能培训", "县人力资源和社会保障局", ago(10));
        outcome(office, jobsMeeting, "协调对接两家服装企业稳定订单", "县人力资源和社会保障局、狮山镇", today.plusDays(60));
        finish(office, jobsMeeting);
        followUp(office, jobsOutcome, ago(40), "IMPLEMENTING", "第一期培训已完成，32人结业。");
        moveTo(office, jobs, "督办落实", "纪要定稿后直接交办落实");

        long odour = topic(office, farm, "关于恕德村养殖场异味影响周边群众问题", "RESIDENT", "恕德村村民", null, ago(50),
                "532329101209", "养殖场周边农户", 37, "夏季养殖场异味较重，周边群众有意见。");
        long odourMeeting = meeting(office, odour, "恕德养殖场异味问题协商会", ago(30), m.get(2), "养殖场办公楼",
                List.of(person(null, "杨志远", "STAKEHOLDER", "养殖场负责人"), person(null, "罗秀英", "RESIDENT_REP", "周边农户代表"),
                        person(null, "朱国强", "OFFICIAL", "狮山镇生态环境办")),
                List.of(), "协商异味治理办法。", "村民要求搬迁，养殖场表示无力搬迁，愿意改造。各方未能就是否搬迁达成一致。",
                false, "村民代表要求养殖场搬迁；养殖场表示愿意改造粪污处理设施但无力搬迁。同意先由镇生态环境办组织第三方监测后再议。");
        outcome(office, odourMeeting, "组织第三方对养殖场周边空气质量进行监测并通报结果", "狮山镇生态环境办", today.plusDays(20));
        finish(office, odourMeeting);
        moveTo(office, odour, "协商议事", null);

        topic(office, chadian, "关于插甸镇冬早蔬菜收购价格协商问题", "RESIDENT", "蔬菜种植户", null, ago(15),
                "532329104", "种植户120余户", 120, "收购商压价，种植户与收购商缺少沟通平台。");
    }

    // ---------------------------------------------------------------- helpers

    private List<Long> memberIds(DataScope scope, long committeeId) {
        return members.search(scope, new MemberQuery(committeeId, false, null, null, null, true), PageRequest.of(1, 50))
                .items().stream().map(i -> i.member().id()).toList();
    }

    private long platform(DataScope office, String name, String level, String region, String venue, LocalDate established, String description) {
        PlatformForm f = new PlatformForm();
        f.setName(name);
        f.setLevel(level);
        f.setRegionCode(region);
        f.setVenue(venue);
        f.setEstablishedOn(established);
        f.setDescription(description);
        f.setActive(true);
        return platforms.create(office, f);
    }

    private void seat(DataScope office, long platformId, Long memberId, String name, String identity, String role, String affiliation) {
        SeatForm f = new SeatForm();
        f.setMemberId(memberId);
        f.setName(name);
        f.setIdentity(identity);
        f.setRole(role);
        f.setAffiliation(affiliation);
        f.setSince(today.minusDays(500));
        platforms.addSeat(office, platformId, f);
    }

    private long topic(DataScope scope, long platformId, String title, String source, String raisedBy, Long raisedMember, LocalDate raisedOn,
                       String region, String affected, Integer households, String description) {
        TopicForm f = new TopicForm();
        f.setPlatformId(platformId);
        f.setTitle(title);
        f.setSource(source);
        f.setRaisedBy(raisedBy);
        f.setRaisedMemberId(raisedMember);
        f.setRaisedOn(raisedOn);
        f.setRegionCode(region);
        f.setAffected(affected);
        f.setHouseholds(households);
        f.setDescription(description);
        return topics.create(scope, f, null);
    }

    private record Person(Long memberId, String name, String role, String affiliation) {
    }

    private static Person person(Long memberId, String name, String role, String affiliation) {
        return new Person(memberId, name, role, affiliation);
    }

    /**
     * A meeting with its people; when minutes are given, everyone is signed in (the absent ones
     * recorded) and the minutes and consensus saved, as a draft.
     */
    private long meeting(DataScope office, long topicId, String title, LocalDate heldOn, long host, String place, List<Person> people,
                         List<String> absent, String agenda, String minutes, Boolean reached, String consensus) {
        MeetingForm f = new MeetingForm();
        f.setTopicId(topicId);
        f.setTitle(title);
        f.setHeldOn(heldOn);
        f.setStartTime(LocalTime.of(9, 30));
        f.setPlace(place);
        f.setHostMemberId(host);
        f.setAgenda(agenda);
        long id = meetings.create(office, f);
        for (Person p : people) {
            ParticipantForm pf = new ParticipantForm();
            pf.setMemberId(p.memberId());
            pf.setName(p.name());
            pf.setRole(p.role());
            pf.setAffiliation(p.affiliation());
            meetings.addParticipant(office, id, pf);
        }
        if (minutes == null) {
            return id;
        }
        for (Participant p : meetings.details(office, id).participants()) {
            meetings.attendance(office, id, p.id(), absent == null || !absent.contains(p.name()));
        }
        MinutesForm mf = new MinutesForm();
        mf.setMinutes(minutes);
        mf.setConsensusReached(reached);
        mf.setConsensus(consensus);
        mf.setVersion(meetings.get(office, id).version());
        meetings.saveMinutes(office, id, mf);
        return id;
    }

    private long outcome(DataScope office, long meetingId, String action, String responsible, LocalDate deadline) {
        OutcomeForm f = new OutcomeForm();
        f.setAction(action);
        f.setResponsible(responsible);
        f.setDeadline(deadline);
        return outcomes.create(office, meetingId, f);
    }

    /** Sends the minutes, records every attendee's signature and makes them final. */
    private void finish(DataScope office, long meetingId) {
        meetings.send(office, meetingId, meetings.get(office, meetingId).version());
        for (Participant p : meetings.details(office, meetingId).participants()) {
            if (p.present()) {
                meetings.recordSignature(office, meetingId, p.id());
            }
        }
        meetings.finalizeMinutes(office, meetingId, meetings.get(office, meetingId).version());
    }

    /** Sends the minutes and records the signatures of all but the members with accounts, who confirm in the app. */
    private void send(DataScope office, long meetingId, long signedMember) {
        meetings.send(office, meetingId, meetings.get(office, meetingId).version());
        for (Participant p : meetings.details(office, meetingId).participants()) {
            if (p.present() && !p.host() && (p.memberId() == null || p.memberId() == signedMember)) {
                meetings.recordSignature(office, meetingId, p.id());
            }
        }
    }

    private void followUp(DataScope office, long outcomeId, LocalDate on, String stage, String note) {
        FollowUpForm f = new FollowUpForm();
        f.setNotedOn(on);
        f.setStage(stage);
        f.setNote(note);
        outcomes.addFollowUp(office, outcomeId, f, null, null, null);
    }

    private void done(DataScope office, long outcomeId, LocalDate on, String note) {
        outcomes.markDone(office, outcomeId, outcomes.get(office, outcomeId).version(), on, note);
    }

    private void feedback(DataScope office, long outcomeId, LocalDate on, String source, String satisfaction, boolean solved, String note) {
        FeedbackForm f = new FeedbackForm();
        f.setReceivedOn(on);
        f.setSource(source);
        f.setSatisfaction(satisfaction);
        f.setSolved(solved);
        f.setNote(note);
        outcomes.addFeedback(office, outcomeId, f, null);
    }

    private void publish(DataScope office, long outcomeId, String title, String text) {
        PublishForm f = new PublishForm();
        f.setPublicTitle(title);
        f.setPublicText(text);
        f.setVersion(outcomes.get(office, outcomeId).version());
        outcomes.publish(office, outcomeId, f);
    }

    /** Moves a topic step by step up to the named step (the reason, when given, is kept on the last move). */
    private void moveTo(DataScope office, long topicId, String stepName, String reason) {
        List<Step> order = new ArrayList<>(procedure.steps(topics.get(office, topicId).orgId()));
        int target = -1;
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).name().equals(stepName)) {
                target = i;
            }
        }
        if (target < 0) {
            return;
        }
        if (reason != null) {
            topics.move(office, topicId, topics.get(office, topicId).version(), order.get(target).id(), reason);
            return;
        }
        int current = -1;
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).id() == topics.get(office, topicId).stepId()) {
                current = i;
            }
        }
        for (int i = current + 1; i <= target; i++) {
            topics.move(office, topicId, topics.get(office, topicId).version(), order.get(i).id(), null);
        }
    }
}
