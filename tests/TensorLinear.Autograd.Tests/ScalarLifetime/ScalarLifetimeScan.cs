using Mono.Cecil;
using Mono.Cecil.Cil;

namespace TensorLinear.Autograd.Tests.ScalarLifetime;

/// <summary>One place in compiled code that hands libtorch a <c>TorchSharp.Scalar</c> nobody holds.</summary>
internal sealed record Finding(string Method, string What);

// A TorchSharp Scalar is a finalizable wrapper of a native c10::Scalar. Made as a temporary (a number converted
// implicitly, or Tensor.ToScalar()) and passed on by its handle, nothing keeps it alive while libtorch reads it: a
// collection during the call frees it (Runtime/LibTorchSharpExports has the rates measured). This scan reads the IL,
// so it sees the temporaries the compiler makes for operators and for TorchSharp's own overloads (a + b is
// a.add(b, 1) in TorchSharp 0.107), which no reading of our source shows.
internal static class ScalarLifetimeScan
{
    private const string ScalarType = "TorchSharp.Scalar";

    /// <summary>
    /// The members of TorchSharp that make a Scalar they do not hold, and every member of it that calls one of those:
    /// to call any of them is to race the garbage collector.
    /// </summary>
    internal static HashSet<string> HazardousMembers(AssemblyDefinition torchSharp)
    {
        var methods = Bodies(torchSharp).Where(m => m.DeclaringType.FullName != ScalarType).ToArray();
        var hazards = methods.Where(m => UnheldScalars(m).Any()).Select(m => m.FullName).ToHashSet();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var m in methods)
                if (!hazards.Contains(m.FullName) && Calls(m).Any(c => hazards.Contains(c.FullName)))
                    grew = hazards.Add(m.FullName);
        }
        return hazards;
    }

    /// <summary>Every method of <paramref name="assembly"/> that calls a hazardous member or makes a Scalar it does not hold.</summary>
    internal static IEnumerable<Finding> Scan(AssemblyDefinition assembly, HashSet<string> hazards)
    {
        foreach (var m in Bodies(assembly))
        {
            foreach (var c in Calls(m).Where(c => hazards.Contains(c.FullName)).Select(c => c.FullName).Distinct())
                yield return new Finding(m.FullName, $"calls {c}, which hands libtorch a Scalar nobody holds");
            foreach (var c in UnheldScalars(m).Distinct())
                yield return new Finding(m.FullName, $"makes a Scalar by {c} and does not hold it (a using local or a static field)");
        }
    }

    private static IEnumerable<MethodDefinition> Bodies(AssemblyDefinition assembly) =>
        assembly.Modules.SelectMany(module => module.GetTypes()).SelectMany(t => t.Methods).Where(m => m.HasBody);

    private static IEnumerable<MethodReference> Calls(MethodDefinition m) =>
        m.Body.Instructions.Select(i => i.Operand).OfType<MethodReference>();

    private static bool MakesScalar(MethodReference r) =>
        r.ReturnType.FullName == ScalarType && (r.Name == "op_Implicit" || r.Name == "ToScalar");

    // A Scalar is held when the call that makes it is followed at once by a store to a static field (alive for the
    // process), or to a local or an instance field (a closure's) that the method later disposes: what `using` and F#'s
    // `use` compile to. Anything else is a temporary.
    private static IEnumerable<string> UnheldScalars(MethodDefinition m)
    {
        var body = m.Body.Instructions;
        for (var k = 0; k < body.Count; k++)
        {
            if (body[k].Operand is not MethodReference r || !MakesScalar(r)) continue;
            var store = body[k].Next;
            var held = store is not null && (store.OpCode.Code == Code.Stsfld || IsDisposedLater(m, store));
            if (!held) yield return r.FullName;
        }
    }

    private static bool IsDisposedLater(MethodDefinition m, Instruction store)
    {
        var slot = StoredSlot(m, store);
        if (slot is null) return false;
        return m.Body.Instructions.Any(i => Disposes(i.Next) && Equals(LoadedSlot(m, i), slot));
    }

    // C#'s using calls Dispose on the slot; F#'s use first casts it (isinst IDisposable) to a temporary it disposes.
    private static bool Disposes(Instruction? i) =>
        i?.Operand is MethodReference { Name: "Dispose" }
        || i?.OpCode.Code == Code.Isinst && ((TypeReference)i.Operand).FullName == "System.IDisposable";

    private static object? StoredSlot(MethodDefinition m, Instruction i) => i.OpCode.Code switch
    {
        Code.Stloc_0 => m.Body.Variables[0],
        Code.Stloc_1 => m.Body.Variables[1],
        Code.Stloc_2 => m.Body.Variables[2],
        Code.Stloc_3 => m.Body.Variables[3],
        Code.Stloc or Code.Stloc_S => i.Operand,
        Code.Stfld => ((FieldReference)i.Operand).FullName,
        _ => null,
    };

    private static object? LoadedSlot(MethodDefinition m, Instruction i) => i.OpCode.Code switch
    {
        Code.Ldloc_0 => m.Body.Variables[0],
        Code.Ldloc_1 => m.Body.Variables[1],
        Code.Ldloc_2 => m.Body.Variables[2],
        Code.Ldloc_3 => m.Body.Variables[3],
        Code.Ldloc or Code.Ldloc_S => i.Operand,
        Code.Ldfld => ((FieldReference)i.Operand).FullName,
        _ => null,
    };
}
