using Bedarfsanalyse.Core.Questionnaires.Evaluation;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>What the question partial renders: one element of the current page and the page that holds the values.</summary>
public sealed record ElementView(AnswerModel Page, ElementState Element);
