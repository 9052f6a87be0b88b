using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace Bedarfsanalyse.Web.Security;

/// <summary>
/// A form post whose antiforgery token is missing or wrong is answered 400 by the pages' own validation; this filter
/// (it runs for short-circuited results too) records the refusal.
/// </summary>
internal sealed class AntiforgeryRefusals(RefusalLog refusals) : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var user = context.HttpContext.User.UserId();
            await refusals.RecordAsync(Refusal.Antiforgery, repeatKey: user?.ToString(), cancellationToken: context.HttpContext.RequestAborted);
        }

        await next();
    }
}
