using Tongxin.Web.Features.Audit;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure;

namespace Tongxin.Web.Features;

public static class FeatureRegistration
{
    public static IServiceCollection AddTongxinFeatures(this IServiceCollection s)
    {
        s.AddSingleton<FileStore>();
        s.AddScoped<CreateOrganization.Handler>();
        s.AddScoped<UpdateOrganization.Handler>();
        s.AddScoped<MoveOrganization.Handler>();
        s.AddScoped<CloseOrganization.Handler>();
        s.AddScoped<GetOrgTree.Handler>();
        s.AddScoped<GetOrgDetail.Handler>();
        s.AddScoped<SetCommitteeSeat.Handler>();
        s.AddScoped<ListPeople.Handler>();
        s.AddScoped<GetPerson.Handler>();
        s.AddScoped<SavePerson.Handler>();
        s.AddScoped<ImportRoster.Handler>();
        s.AddScoped<VerifyAuditChain.Handler>();
        s.AddScoped<OrgLife.PlanActivity.Handler>();
        s.AddScoped<OrgLife.SignIn.Handler>();
        s.AddScoped<Points.GetMyPoints.Handler>();
        s.AddScoped<Points.ManualAward.Handler>();
        s.AddScoped<Points.GetPointsOverview.Handler>();
        s.AddScoped<Points.EditPointRules.Handler>();
        s.AddScoped<Points.RecomputePoints.Handler>();
        s.AddScoped<OrgLife.WithdrawSignIn.Handler>();
        s.AddSingleton<OrgLife.SignInQueue>();
        s.AddHostedService(sp => sp.GetRequiredService<OrgLife.SignInQueue>());
        s.AddScoped<OrgLife.Leave.Handler>();
        s.AddScoped<OrgLife.RecordActivity.Handler>();
        s.AddScoped<OrgLife.GetActivity.Handler>();
        s.AddScoped<OrgLife.ListActivities.Handler>();
        s.AddScoped<OrgLife.GetCompliance.Handler>();
        s.AddScoped<OrgLife.SetFrequency.Handler>();
        s.AddScoped<OrgLife.ExportLedger.Handler>();
        s.AddScoped<OrgLife.RaiseAlerts.Handler>();
        s.AddScoped<OrgLife.Attachments.Handler>();
        s.AddScoped<Stars.GetBranchRating.Handler>();
        s.AddScoped<Stars.SelfAssess.Handler>();
        s.AddScoped<Stars.ReviewRating.Handler>();
        s.AddScoped<Stars.GetStarsOverview.Handler>();
        s.AddScoped<Stars.EditStarTemplate.Handler>();
        s.AddScoped<Appraisal.OpenRound.Handler>();
        s.AddScoped<Appraisal.TakePart.Handler>();
        s.AddScoped<Appraisal.DecideGrades.Handler>();
        s.AddScoped<Appraisal.RecordPaperBallots.Handler>();
        s.AddScoped<Appraisal.GetRound.Handler>();
        s.AddScoped<Appraisal.GetMyAppraisal.Handler>();
        s.AddScoped<Proposals.SubmitProposal.Handler>();
        s.AddScoped<Proposals.ConfirmCosign.Handler>();
        s.AddScoped<Proposals.ReviewProposal.Handler>();
        s.AddScoped<Proposals.AssignProposal.Handler>();
        s.AddScoped<Proposals.AnswerProposal.Handler>();
        s.AddScoped<Proposals.GetProposal.Handler>();
        s.AddScoped<Proposals.ListProposals.Handler>();
        s.AddScoped<Proposals.GetProposalRates.Handler>();
        s.AddScoped<Proposals.RaiseOverdueAlerts.Handler>();
        s.AddScoped<Duty.RaiseFiveOneReminders.Handler>();
        s.AddScoped<Opinions.WriteOpinion.Handler>();
        s.AddScoped<Opinions.HandleOpinion.Handler>();
        s.AddScoped<Opinions.GetOpinionStats.Handler>();
        s.AddScoped<Liaison.KeepLiaison.Handler>();
        s.AddScoped<Liaison.GetLiaison.Handler>();
        s.AddScoped<Duty.GetFiveOne.Handler>();
        s.AddScoped<People.GetMyTodo.Handler>();
        s.AddScoped<Proposals.ExportProposals.Handler>();
        s.AddScoped<Opinions.ExportOpinions.Handler>();
        s.AddScoped<Duty.SetDutyTargets.Handler>();
        s.AddScoped<Duty.GetDutyFile.Handler>();
        s.AddScoped<Duty.SetDutyScheme.Handler>();
        s.AddScoped<Admin.CreateUser.Handler>();
        s.AddScoped<Admin.ChangeRoles.Handler>();
        s.AddScoped<Admin.ResetAccess.Handler>();
        return s;
    }
}
