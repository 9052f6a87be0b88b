using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.TestHost;

namespace Bedarfsanalyse.Testing;

/// <summary>
/// What a browser does for the server-rendered pages: keeps cookies, reads forms (with their antiforgery token)
/// and posts them. Redirects are returned, not followed, so tests see where the app sends the user.
/// </summary>
public sealed class WebSession : IDisposable
{
    private static readonly Uri DefaultBase = new("http://localhost/");
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _client;

    /// <param name="baseAddress">http://localhost/ unless given (e.g. https://localhost/ for what only HTTPS gets).</param>
    public WebSession(TestServer server, Uri? baseAddress = null)
    {
        var address = baseAddress ?? DefaultBase;
        _client = new HttpClient(new CookieHandler(_cookies, server.CreateHandler(), address)) { BaseAddress = address };
    }

    public CookieContainer Cookies => _cookies;

    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url);

    public Task<HttpResponseMessage> PostAsync(string url, HttpContent content) => _client.PostAsync(url, content);

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetPageAsync(string url)
    {
        var response = await _client.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>Loads the page, fills the form (the first one, or the one whose action contains <paramref name="formAction"/>) and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formAction = null)
    {
        var (response, page) = await GetPageAsync(url);
        // The page's own forms, not the sign-out form in the header.
        var forms = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>();
        var form = forms.FirstOrDefault(f => formAction is null ? f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) : (f.GetAttribute("action") ?? "").Contains(formAction, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kein Formular auf {url} ({(int)response.StatusCode} {response.Headers.Location}): {page.Body?.TextContent.Trim()[..Math.Min(300, page.Body.TextContent.Trim().Length)]}");
        var given = fields.ToList();
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name) && given.All(f => f.Key != i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(given)
            .ToList();
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return await _client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts a form without the antiforgery token, as a forged cross-site request would.</summary>
    public Task<HttpResponseMessage> PostWithoutTokenAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        _client.PostAsync(url, new FormUrlEncodedContent(fields));

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        SubmitAsync("/anmelden", [new("Form.Email", email), new("Form.Password", password)]);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public void Dispose() => _client.Dispose();

    private sealed class CookieHandler(CookieContainer cookies, HttpMessageHandler inner, Uri baseAddress) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(baseAddress, request.RequestUri);
            var header = cookies.GetCookieHeader(uri);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    cookies.SetCookies(uri, setCookie);
                }
            }

            return response;
        }
    }
}
