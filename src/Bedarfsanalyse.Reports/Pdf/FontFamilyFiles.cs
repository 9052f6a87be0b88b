namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>Where a Debian package puts the regular and bold face of one sans-serif family.</summary>
internal sealed record FontFamilyFiles(string DebianPackage, string RegularPath, string BoldPath);
