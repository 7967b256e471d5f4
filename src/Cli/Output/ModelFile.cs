using TensorLinear.Cli.Fitting;
using TensorLinear.Features;

namespace TensorLinear.Cli.Output;

/// <summary><c>fit --save</c>: the first engine's fit as a <see cref="SavedModel"/>, written atomically.</summary>
internal static class ModelFile
{
    /// <summary>Writes the model of <paramref name="report"/>'s first fit to <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">The classes are separated: the coefficients estimate nothing, so there is no model to save.</exception>
    /// <exception cref="OutputException">The file cannot be written.</exception>
    public static void Write(string path, FitReport report)
    {
        var fit = report.Fits[0];
        if (fit.IsSeparated)
            throw new InvalidInputException("--save", "the classes are separated, so the maximum-likelihood coefficients do not exist and there is no model to save; add a penalty (--l2) or fit --model svm");
        var model = new SavedModel
        {
            Kind = report.Settings.Model,
            Target = report.Input.Data.TargetName,
            Encoding = report.Encoding,
            Model = fit.Model,
            FitIntercept = report.Settings.FitIntercept,
            Standardization = report.Standardization,
            Classes = report.Input.Classes is { } classes ? [classes.Zero, classes.One] : [],
            Engine = fit.Engine,
        };
        OutputFile.Write("--save", path, model.Write);
    }

    /// <summary>Reads a saved model, naming the option in every message.</summary>
    /// <exception cref="DataFormatException">The file is missing, unreadable, or not a model file of this version.</exception>
    public static SavedModel Read(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("--model is empty; give it the JSON file fit --save wrote");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return SavedModel.Read(stream, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new DataFormatException(path, null, null, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : $"cannot be read: {OutputException.Reason(e)}");
        }
    }
}
