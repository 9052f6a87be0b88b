using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Users;

/// <summary>What the create and edit pages share: the form fields and the networks to choose from.</summary>
public abstract class UserFormModel(UserFormOptions options) : PageModel
{
    [BindProperty]
    public UserForm Form { get; set; } = new();

    public IReadOnlyList<NetworkChoice> Networks { get; private set; } = [];

    protected async Task LoadOptionsAsync() => Networks = await options.NetworksAsync(HttpContext.RequestAborted);

    protected UserInput ToInput() =>
        new(Form.Email, Form.DisplayName, Form.Roles, string.IsNullOrWhiteSpace(Form.Network) ? null : Form.Network, Form.Districts);

    public sealed class UserForm
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public List<string> Roles { get; set; } = [];

        public string? Network { get; set; }

        public List<string> Districts { get; set; } = [];

        public bool Locked { get; set; }
    }
}
