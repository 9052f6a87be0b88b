namespace Bedarfsanalyse.Web.Database;

/// <summary>The configured database cannot be reached or used; the message names the setting to fix.</summary>
internal sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
