using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bedarfsanalyse.Web.Features.Users;

/// <summary>/api/v1/users: account administration for admins.</summary>
internal static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", async (UserList list, CancellationToken ct) => TypedResults.Ok(await list.ReadAsync(cancellationToken: ct)));
        users.MapGet("/{id:guid}", GetAsync);
        users.MapPost("/", CreateAsync);
        users.MapPut("/{id:guid}", UpdateAsync);
        return api;
    }

    private static async Task<Results<Ok<UserView>, NotFound>> GetAsync(Guid id, UserList list, CancellationToken ct) =>
        (await list.ReadAsync(id, ct)).SingleOrDefault() is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();

    private static async Task<Results<Created<CreatedUser>, ValidationProblem>> CreateAsync(UserInput input, CreateUser create, CancellationToken ct)
    {
        var outcome = await create.ExecuteAsync(input, cancellationToken: ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/users/{outcome.Value!.Id}", outcome.Value)
            : outcome.Errors!.ToProblem();
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, UserUpdate input, UpdateUser update, UserScope scope, CancellationToken ct)
    {
        var outcome = await update.ExecuteAsync(id, new UserInput(null, input.DisplayName, input.Roles, input.Network, input.Districts), input.Locked, scope.UserId, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Errors!.ToProblem();
        }

        return outcome.Value ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    public sealed record UserUpdate(string? DisplayName, IReadOnlyList<string>? Roles, string? Network, IReadOnlyList<string>? Districts, bool Locked);
}
