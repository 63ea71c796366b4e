using System.Globalization;
using Publishing.SyntheticCounty;

if (args.Length is < 1 or > 3 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: Publishing.SyntheticCounty <out-dir> [departments=100] [seed=2021]");
    return 2;
}
var departments = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2021;
var written = CountyGenerator.Write(args[0], departments, seed);
Console.WriteLine($"{written.Count} documents, {written.Sum(d => d.Projects)} projects in {args[0]}");
return 0;
