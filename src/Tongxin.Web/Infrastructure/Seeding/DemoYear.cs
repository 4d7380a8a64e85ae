using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Appraisal;
using Tongxin.Web.Features.Liaison;
using Tongxin.Web.Features.Opinions;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.People;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Features.Stars;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;
using ProposalStatus = Tongxin.Web.Features.Proposals.ProposalStatus;

namespace Tongxin.Web.Infrastructure.Seeding;

/// <summary>
/// A year of real use on top of the demo organisation, made through the handlers users call: points derived from the
/// held meetings by the award code, proposals in every state with their handling units, 社情民意 adopted and
/// instructed, duty activities, liaison contacts, a finished 民主评议 and 争星 year, 待办 and notices for the demo
/// accounts, and a meeting today whose QR sign-in can be tried at once. The tests' baseline leaves it out
/// (Tongxin:Seed:DemoYear=false); DemoYearTests check what it makes.
/// </summary>
public static class DemoYear
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var s = new Steps(scope.ServiceProvider);
        await s.MeetingsAsync(ct);
        await s.PointsFromMeetingsAsync(ct);
        await s.ProposalsAsync(ct);
        await s.OpinionsAsync(ct);
        await s.LiaisonAsync(ct);
        await s.AppraisalAsync(ct);
        await s.StarsAsync(ct);
        await s.WaitingAsync(ct);
    }

    sealed class Steps(IServiceProvider sp)
    {
        readonly AppDbContext db = sp.GetRequiredService<AppDbContext>();
        readonly Random random = new(2026);
        static DateTime Now => DateTime.UtcNow;
        static DateOnly Today => Clock.Today;

        T H<T>() where T : notnull => sp.GetRequiredService<T>();

        async Task<Scope> As(string user) =>
            await AccessScope.ForUserAsync(db, await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync());

        /// <summary>A CPPCC member without an account acts through their own record, as their account would.</summary>
        static Scope Member(long personId) => new(null, personId, [], isCppccMember: true);

        Task<Organization> Org(string name) => db.Organizations.SingleAsync(o => o.Name == name);

        Task<long> PersonOf(string user) => db.Users.Where(u => u.UserName == user).Select(u => u.PersonId!.Value).SingleAsync();

        static T Ok<T>(Result<T> r, string what) => r.Ok ? r.Value! : throw new InvalidOperationException($"演示数据：{what}失败：{r.Error!.Message}");

        /// <summary>党小组会 of the four groups and the retirees' branch meetings; duty activities of the members' body.</summary>
        public async Task MeetingsAsync(CancellationToken ct)
        {
            var year = Today.Year;
            foreach (var group in await db.Organizations.Where(o => o.Type == OrgType.PartyGroup).OrderBy(o => o.Path).ToListAsync(ct))
                for (var month = 1; month < Today.Month; month++)
                    if (!group.Name.StartsWith("第二党支部第二") || month % 4 != 0)
                        await DemoOrgLife.HeldAsync(db, group, ActivityType.GroupMeeting, new DateOnly(year, month, 15), $"{month}月党小组会：交流学习体会", random);
            var retirees = await Org("离退休干部党支部");
            for (var month = 3; month < Today.Month; month += 3)
            {
                await DemoOrgLife.HeldAsync(db, retirees, ActivityType.BranchMeeting, new DateOnly(year, month, 18), $"第{month / 3}季度党员大会（离退休）", random);
                await DemoOrgLife.HeldAsync(db, retirees, ActivityType.ThemedPartyDay, new DateOnly(year, month, 8), $"{month}月主题党日：重温入党誓词", random);
            }

            var body = await Org("江州市政协委员");
            var members = await db.People.Where(p => p.TenantId == body.TenantId && p.IsCppccMember).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
            List<long> Some(int n) => members.OrderBy(_ => random.Next()).Take(n).ToList();
            (ActivityType Type, int Month, string Topic, List<long>? Who)[] duty =
            [
                (ActivityType.Plenary, 1, "市政协十五届五次会议", null),
                (ActivityType.Survey, 4, "城区老旧小区改造专题调研", Some(10)),
                (ActivityType.SectorActivity, 5, "经济界委员座谈民营企业发展", Some(8)),
                (ActivityType.PublicGood, 6, "委员进社区义诊义教", Some(9)),
                (ActivityType.Survey, 9, "乡村振兴重点项目视察", Some(10)),
                (ActivityType.SectorActivity, 10, "教育界委员走访职业院校", Some(8)),
            ];
            foreach (var (type, month, topic, who) in duty.Where(d => d.Month < Today.Month))
                await DemoOrgLife.HeldAsync(db, body, type, new DateOnly(year, month, 12), topic, random, who, "市政协机关会议中心");
            await db.SaveChangesAsync(ct);
        }

        /// <summary>Every held meeting of the year awards and deducts through the code a sign-in and a confirmation run.</summary>
        public async Task PointsFromMeetingsAsync(CancellationToken ct)
        {
            var from = Clock.ToUtc(new DateTime(Today.Year, 1, 1));
            var held = await db.Activities.Where(a => a.Status == ActivityStatus.Held && a.StartsAt >= from).OrderBy(a => a.StartsAt).ToListAsync(ct);
            foreach (var activity in held)
            {
                var signed = await db.Attendees.Where(x => x.ActivityId == activity.Id && x.SignedInAt != null).ToListAsync(ct);
                await AwardForAttendance.AddAsync(db, signed.Select(x => (x, activity)).ToList(), activity.EndsAt, ct);
                await DeductForAbsence.AddAsync(db, activity, activity.EndsAt, ct);
                await db.SaveChangesAsync(ct);
            }
            db.ChangeTracker.Clear();
        }

        /// <summary>Proposals in every state: draft, awaiting co-signature and review, registered, assigned, answered, rated, sent back, closed, refused, merged.</summary>
        public async Task ProposalsAsync(CancellationToken ct)
        {
            var (w1, w2) = (await PersonOf("weiyuan1"), await PersonOf("weiyuan2"));
            var others = await db.People.Where(p => p.IsCppccMember && p.Id != w1 && p.Id != w2).OrderBy(p => p.Id).Select(p => p.Id).Take(12).ToListAsync(ct);
            var office = await As("office");
            var units = await db.Organizations.Where(o => o.Type == OrgType.HandlingUnit).OrderBy(o => o.Id).ToListAsync(ct);
            Scope Unit(Organization u) => new(null, null, [new Grant(Roles.HandlingUnit, u.Id, u.Path, u.TenantId, u.Name)]);

            async Task<long> Submit(Scope lead, string title, string content, IReadOnlyList<long> cosigners, bool submit = true) =>
                Ok(await H<SubmitProposal.Handler>().Handle(null, new(title, content, cosigners), submit, lead, Now, ct), "提交提案");
            async Task Cosign(long id, long person) => Ok(await H<ConfirmCosign.Handler>().Handle(id, true, Member(person), Now, ct), "确认联名");
            async Task Review(long id, ProposalAction action, string? note = null, long? into = null) =>
                Ok(await H<ReviewProposal.Handler>().Handle(id, action, note, into, office, "office", Now, ct), "审查提案");
            async Task Assign(long id, Organization unit) =>
                Ok(await H<AssignProposal.Handler>().AssignAsync(id, new(unit.Id, [], null, null, false, false), office, Today, ct), "交办提案");
            async Task Reply(long id, Organization unit, OutcomeClass outcome, string text) =>
                Ok(await H<AnswerProposal.Handler>().ReplyAsync(id, outcome, text, Unit(unit), unit.Name, Today, ct), "答复提案");
            async Task Rate(long id, long lead, Satisfaction handling, Satisfaction result, string? note = null) =>
                Ok(await H<AnswerProposal.Handler>().RateAsync(id, handling, result, note, Member(lead), Now, ct), "评价提案");

            var (edu, health, housing) = (units.Single(u => u.Name == "江州市教育局"), units.Single(u => u.Name.Contains("卫生")), units.Single(u => u.Name.Contains("住房")));
            const string why = "。建议有关部门加强统筹、完善政策、明确责任分工，并建立定期通报和跟踪问效机制，切实解决群众反映强烈的问题。";

            await Submit(Member(w1), "关于推进城市书房建设的建议", "当前城区公共阅读空间分布不均" + why, [], submit: false);
            var awaitingCosign = await Submit(Member(w1), "关于规范校外培训机构收费的建议", "部分校外培训机构预收费用过高、退费难" + why, [w2]);
            var awaitingReview = await Submit(Member(others[0]), "关于加快老旧小区加装电梯的建议", "老旧小区老年居民上下楼困难" + why, []);

            var registered = await Submit(Member(w2), "关于完善社区养老服务设施的建议", "社区嵌入式养老服务供给不足" + why, [others[1]]);
            await Cosign(registered, others[1]);
            await Review(registered, ProposalAction.Register);

            var assigned = await Submit(Member(others[2]), "关于加强中小学心理健康教育的建议", "中小学生心理问题呈上升趋势，专职心理教师配备不足" + why, [w1]);
            await Cosign(assigned, w1);
            await Review(assigned, ProposalAction.Register);
            await Assign(assigned, edu);

            var toRate = await Submit(Member(w1), "关于优化中小学课后服务的建议", "课后服务内容单一、师资紧张" + why, [others[3]]);
            await Cosign(toRate, others[3]);
            await Review(toRate, ProposalAction.Register);
            await Assign(toRate, edu);
            await Reply(toRate, edu, OutcomeClass.B, "我局已会同各区制定课后服务提质方案，引入社会优质资源，明年春季学期起在全市推开。");

            var closed = await Submit(Member(w2), "关于提升基层医疗机构服务能力的建议", "基层医疗机构人才流失、设备老化" + why, []);
            await Review(closed, ProposalAction.Register);
            await Assign(closed, health);
            await Reply(closed, health, OutcomeClass.A, "我委已实施基层医疗能力提升三年行动，今年新增全科医生120名，更新设备400余台。");
            await Rate(closed, w2, Satisfaction.Satisfied, Satisfaction.Satisfied);
            Ok(await H<AssignProposal.Handler>().CloseAsync(closed, office, Now, ct), "办结提案");

            var rated = await Submit(Member(others[4]), "关于推进保障性租赁住房建设的建议", "新市民、青年人住房困难问题突出" + why, []);
            await Review(rated, ProposalAction.Register);
            await Assign(rated, housing);
            await Reply(rated, housing, OutcomeClass.B, "我局已将保障性租赁住房纳入年度计划，今年筹集房源3000套，正在分批交付。");
            await Rate(rated, others[4], Satisfaction.Satisfied, Satisfaction.BasicallySatisfied);

            var sentBack = await Submit(Member(others[5]), "关于解决城区停车难问题的建议", "城区停车位缺口大、占道停车普遍" + why, []);
            await Review(sentBack, ProposalAction.Register);
            await Assign(sentBack, housing);
            await Reply(sentBack, housing, OutcomeClass.C, "该问题涉及多个部门，我局将在下一步规划中统筹考虑。");
            await Rate(sentBack, others[5], Satisfaction.Dissatisfied, Satisfaction.Dissatisfied, "答复笼统，没有具体措施和时间表");
            Ok(await H<AnswerProposal.Handler>().SendBackAsync(sentBack, Member(others[5]), Today, ct), "退回重办");

            var refused = await Submit(Member(others[6]), "关于调整个人所得税起征点的建议", "个人所得税起征点属于国家立法事项" + why, []);
            await Review(refused, ProposalAction.Refuse, "属于全国人大立法权限，不属于本级政协提案受理范围，建议转为社情民意向上反映");
            var merged = await Submit(Member(others[7]), "关于发展社区居家养老的建议", "居家养老上门服务覆盖面窄" + why, []);
            await Review(merged, ProposalAction.Merge, "与第一提案人内容相近，并案办理", registered);
            db.ChangeTracker.Clear();
            _ = awaitingCosign; _ = awaitingReview;
        }

        /// <summary>社情民意: submitted, adopted, forwarded, instructed, not adopted; one still waiting on the office.</summary>
        public async Task OpinionsAsync(CancellationToken ct)
        {
            var office = await As("office");
            var authors = await db.People.Where(p => p.IsCppccMember).OrderBy(p => p.Id).Select(p => p.Id).Take(6).ToListAsync(ct);
            async Task<long> Write(long author, string title, string content) =>
                Ok(await H<WriteOpinion.Handler>().Handle(null, title, content, true, Member(author), Now, ct), "报送社情民意");
            const string tail = "群众对此反映较多。建议有关部门高度重视，深入开展调查研究，尽快研究出台针对性措施，明确责任分工和完成时限，并及时向社会公开进展情况。";
            var handle = H<HandleOpinion.Handler>();
            var a = await Write(authors[0], "关于农村留守老人助餐服务的建议", "部分农村留守老人吃饭难问题突出，" + tail);
            Ok(await handle.DecideAsync(a, true, null, office, "office", Now, ct), "采用社情民意");
            Ok(await handle.ForwardAsync(a, ForwardLevel.Province, office, ct), "报送社情民意");
            Ok(await handle.InstructAsync(a, "请民政局牵头研究，拿出具体方案。", "市委副书记", Today.AddDays(-3), office, ct), "登记批示");
            var b = await Write(authors[1], "关于规范电动自行车充电管理的建议", "居民小区电动自行车飞线充电现象普遍，存在火灾隐患，" + tail);
            Ok(await handle.DecideAsync(b, true, null, office, "office", Now, ct), "采用社情民意");
            Ok(await handle.ForwardAsync(b, ForwardLevel.City, office, ct), "报送社情民意");
            var c = await Write(authors[2], "关于中小企业融资难的情况反映", "中小企业贷款门槛高、审批周期长，" + tail);
            Ok(await handle.DecideAsync(c, true, null, office, "office", Now, ct), "采用社情民意");
            var d = await Write(authors[3], "关于增设公园健身器材的建议", "部分公园健身器材数量少、老化严重，" + tail);
            Ok(await handle.DecideAsync(d, false, "已有相关部门正在实施更新计划，暂不采用", office, "office", Now, ct), "不采用社情民意");
            await Write(authors[4], "关于加强校园周边交通安全的建议", "上下学高峰时段校园周边交通拥堵、存在安全隐患，" + tail);
            db.ChangeTracker.Clear();
        }

        /// <summary>党员委员联系党外委员, with contacts through the year.</summary>
        public async Task LiaisonAsync(CancellationToken ct)
        {
            var office = await As("office");
            var party = await db.People.Where(p => p.IsCppccMember && p.PartyStatus != PartyStatus.None).OrderBy(p => p.Id).Select(p => p.Id).Take(3).ToListAsync(ct);
            var nonParty = await db.People.Where(p => p.IsCppccMember && p.PartyStatus == PartyStatus.None).OrderBy(p => p.Id).Select(p => p.Id).Take(6).ToListAsync(ct);
            var liaison = H<KeepLiaison.Handler>();
            for (var i = 0; i < nonParty.Count; i++)
            {
                var pair = Ok(await liaison.PairAsync(LiaisonKind.MemberPair, party[i % party.Count], nonParty[i], null, new DateOnly(Today.Year, 1, 15), office, ct), "建立联系");
                foreach (var month in new[] { 3, 7, 10 }.Where(m => m < Today.Month && (i + m) % 3 != 0))
                    Ok(await liaison.ContactAsync(pair, new DateOnly(Today.Year, month, 20), month == 7 ? ContactWay.Visit : ContactWay.Phone,
                        month == 7 ? "走访交流，听取对本地营商环境的意见建议" : "电话交流近期履职情况和提案线索", office, "office", Today, ct), "记录联系");
            }
            db.ChangeTracker.Clear();
        }

        /// <summary>第一党支部's 民主评议 finished (self-assessments, ballots, grades); 第二党支部's open with ballots still to cast.</summary>
        public async Task AppraisalAsync(CancellationToken ct)
        {
            var (b1, b2) = (await Org("第一党支部"), await Org("第二党支部"));
            var secretary1 = await As("secretary1");
            var round = Ok(await H<OpenRound.Handler>().Handle(b1.Id, Today.Year, secretary1, "secretary1", Now, ct), "开始民主评议");
            var parts = await db.AppraisalParticipants.Where(p => p.RoundId == round).OrderBy(p => p.PersonId).ToListAsync(ct);
            var full = parts.Where(p => !p.IsProbationary).Select(p => p.PersonId).ToList();
            var take = H<TakePart.Handler>();
            foreach (var person in parts.Select(p => p.PersonId))
                Ok(await take.SelfAssessAsync(round, person, "一年来认真学习党的理论，按时参加组织生活，履行党员义务，完成本职工作。", Now, ct), "自我评价");
            foreach (var voter in parts.Select(p => p.PersonId))
                Ok(await take.VoteAsync(round, voter, full.Where(f => f != voter).ToDictionary(f => f, f => (AppraisalGrade?)(f == full[0] ? AppraisalGrade.Excellent : AppraisalGrade.Qualified)), Now, ct), "投票");
            var decide = H<DecideGrades.Handler>();
            Ok(await decide.CloseVotingAsync(round, secretary1, Now, ct), "结束投票");
            db.ChangeTracker.Clear();
            Ok(await decide.Handle(round, full.ToDictionary(f => f, f => new DecideGrades.Decision(f == full[0] ? AppraisalGrade.Excellent : AppraisalGrade.Qualified, null)),
                true, await As("partyadmin"), "partyadmin", Now, ct), "评定等次");
            Ok(await H<OpenRound.Handler>().Handle(b2.Id, Today.Year, await As("secretary2"), "secretary2", Now, ct), "开始民主评议");
            db.ChangeTracker.Clear();
        }

        /// <summary>支部争星: 第一党支部 assessed and reviewed, 第二党支部 submitted and awaiting review.</summary>
        public async Task StarsAsync(CancellationToken ct)
        {
            var year = StarYear.Default(Today);
            foreach (var (name, user, review) in new[] { ("第一党支部", "secretary1", true), ("第二党支部", "secretary2", false) })
            {
                var branch = await Org(name);
                var checklist = await StarChecklist.LoadAsync(db, branch.TenantId, year, ct);
                var input = checklist.Items.ToDictionary(i => i.Code, i => new SelfAssess.Input(Math.Round(i.MaxScore * (review ? 0.9 : 0.75), 1), "见支部工作台账"));
                var rating = Ok(await H<SelfAssess.Handler>().Handle(branch.Id, year, input, true, await As(user), user, Now, Today, ct), "争星自评");
                if (review)
                    Ok(await H<ReviewRating.Handler>().Handle(rating, true, new Dictionary<string, ReviewRating.Input>(), "材料齐全，评定通过", await As("partyadmin"), "partyadmin", Now, ct), "争星评定");
                db.ChangeTracker.Clear();
            }
        }

        /// <summary>待办 for the demo accounts: a leave to decide, a points award to approve, and a meeting today to sign in to.</summary>
        public async Task WaitingAsync(CancellationToken ct)
        {
            var b1 = await Org("第一党支部");
            var secretary1 = await As("secretary1");
            var plan = H<PlanActivity.Handler>();
            var soon = Now.AddDays(3);
            var meeting = Ok(await plan.Handle(new PlanActivity.Command
            {
                OrgId = b1.Id, Type = ActivityType.BranchMeeting, Topic = "党员大会：讨论年度工作总结", Place = "机关三楼党员活动室", StartsAt = soon, EndsAt = soon.AddHours(2),
            }, secretary1, "secretary1", ct), "安排活动");
            var member = await PersonOf("member1");
            Ok(await H<Leave.Handler>().RequestAsync(meeting, member, "参加市里集中培训", Now, ct), "请假");

            var today = Now.AddMinutes(15);
            Ok(await plan.Handle(new PlanActivity.Command
            {
                OrgId = b1.Id, Type = ActivityType.ThemedPartyDay, Topic = "主题党日：今天的签到演示", Place = "机关三楼党员活动室", StartsAt = today, EndsAt = today.AddHours(2),
            }, secretary1, "secretary1", ct), "安排今天的活动");

            var groupLeader = await As("groupleader1");
            var awardee = await db.People.Where(p => p.PartyGroupId == (db.Organizations.Where(o => o.Name == "第一党支部第一党小组").Select(o => o.Id).First())
                && p.Id != member).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
            Ok(await H<ManualAward.Handler>().ProposeAsync(awardee, "award", "获评市直机关优秀共产党员", "市直机关工委表彰通报", groupLeader, "groupleader1", Now, ct), "提出加分");
            var approved = Ok(await H<ManualAward.Handler>().ProposeAsync(member, "award", "获评市级优秀志愿者", "市文明办通报", secretary1, "secretary1", Now, ct), "提出加分");
            Ok(await H<ManualAward.Handler>().DecideAsync(approved, true, null, await As("partyadmin"), "partyadmin", Now, ct), "审核加分");
            db.ChangeTracker.Clear();
        }
    }
}
