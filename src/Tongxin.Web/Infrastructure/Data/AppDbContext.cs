using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Audit;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Audit;

namespace Tongxin.Web.Infrastructure.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options, IAuditContext? auditContext = null)
    : IdentityUserContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<CommitteeMember> CommitteeMembers => Set<CommitteeMember>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<DualLife> DualLives => Set<DualLife>();
    public DbSet<PersonDuplicate> PersonDuplicates => Set<PersonDuplicate>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditLogAccess> AuditLogAccesses => Set<AuditLogAccess>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<Features.Notices.Notice> Notices => Set<Features.Notices.Notice>();
    public DbSet<Features.Feedback.FeedbackItem> Feedback => Set<Features.Feedback.FeedbackItem>();
    public DbSet<Jobs.JobRun> JobRuns => Set<Jobs.JobRun>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<Features.OrgLife.Activity> Activities => Set<Features.OrgLife.Activity>();
    public DbSet<Features.OrgLife.Attendee> Attendees => Set<Features.OrgLife.Attendee>();
    public DbSet<Features.OrgLife.FrequencyRule> FrequencyRules => Set<Features.OrgLife.FrequencyRule>();
    public DbSet<Features.OrgLife.Alert> Alerts => Set<Features.OrgLife.Alert>();
    public DbSet<Features.Points.PointRuleSet> PointRuleSets => Set<Features.Points.PointRuleSet>();
    public DbSet<Features.Points.PointRuleItem> PointRuleItems => Set<Features.Points.PointRuleItem>();
    public DbSet<Features.Points.PointEntry> PointEntries => Set<Features.Points.PointEntry>();
    public DbSet<Features.Points.PointProposal> PointProposals => Set<Features.Points.PointProposal>();
    public DbSet<Features.Stars.StarTemplate> StarTemplates => Set<Features.Stars.StarTemplate>();
    public DbSet<Features.Stars.StarTemplateItem> StarTemplateItems => Set<Features.Stars.StarTemplateItem>();
    public DbSet<Features.Stars.StarRating> StarRatings => Set<Features.Stars.StarRating>();
    public DbSet<Features.Stars.StarScore> StarScores => Set<Features.Stars.StarScore>();
    public DbSet<Features.Appraisal.AppraisalRound> AppraisalRounds => Set<Features.Appraisal.AppraisalRound>();
    public DbSet<Features.Appraisal.AppraisalParticipant> AppraisalParticipants => Set<Features.Appraisal.AppraisalParticipant>();
    public DbSet<Features.Appraisal.AppraisalBallot> AppraisalBallots => Set<Features.Appraisal.AppraisalBallot>();
    public DbSet<Features.Proposals.Proposal> Proposals => Set<Features.Proposals.Proposal>();
    public DbSet<Features.Proposals.ProposalSigner> ProposalSigners => Set<Features.Proposals.ProposalSigner>();
    public DbSet<Features.Proposals.ProposalUnit> ProposalUnits => Set<Features.Proposals.ProposalUnit>();
    public DbSet<Features.Opinions.OpinionReport> OpinionReports => Set<Features.Opinions.OpinionReport>();
    public DbSet<Features.Liaison.LiaisonPair> LiaisonPairs => Set<Features.Liaison.LiaisonPair>();
    public DbSet<Features.Liaison.LiaisonContact> LiaisonContacts => Set<Features.Liaison.LiaisonContact>();
    public DbSet<Features.Duty.DutyTarget> DutyTargets => Set<Features.Duty.DutyTarget>();
    public DbSet<Features.Duty.DutyScheme> DutySchemes => Set<Features.Duty.DutyScheme>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        Versioned.Configure(builder);
        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(50);
            // One account per person: two administrators (or a double click) cannot open a second one.
            b.HasIndex(u => u.PersonId).IsUnique();
        });
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder cb)
    {
        cb.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        cb.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    readonly Dictionary<object, string> actors = new(ReferenceEqualityComparer.Instance);

    /// <summary>Audits this entity's change as done by <paramref name="userName"/> (a batch saving changes of several users).</summary>
    public void ActAs(object entity, string userName) => actors[entity] = userName;

    internal string? ActorOf(object entity) => actors.GetValueOrDefault(entity);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        TextLimits.Check(ChangeTracker);
        Versioned.Raise(ChangeTracker);
        return AuditWriter.SaveWithAuditAsync(this, auditContext?.UserName ?? "system",
            () => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), ct);
    }
}
