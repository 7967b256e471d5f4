#!/usr/bin/python3
"""Inference expected values for tests/Shared/InferenceValues.cs and the data files beside it, computed once (the
tests never run Python):
/usr/bin/python3 scripts/inference/reference_values.py tests/Shared/Data > tests/Shared/InferenceValues.cs
(Debian 12's python3-statsmodels 0.13.5, python3-sklearn 1.2.1, python3-mpmath 1.2.1).

Two data sets, written as CSV with every double to 17 significant digits:
- diabetes-binary.csv: scikit-learn's diabetes data (Efron et al. 2004, 442 rows, 10 standardised features) with the
  target made binary, y = 1 where the disease progression is above its median (140.5).
- longley.csv: Longley's (1967) macroeconomic data as statsmodels ships it (16 rows, 6 features, TOTEMP the target).

Logistic regression on the first: statsmodels' Logit (Newton, tol 1e-14) for the estimates, standard errors, z, p,
95% intervals, log-likelihoods, AIC, BIC, McFadden's pseudo-R² and the LR test; statsmodels' HC0 sandwich; HC1-HC3
by numpy from their definitions (statsmodels applies no small-sample correction or leverage to Logit): the sandwich
(A'WA)^-1 (sum e_i^2 a_i a_i') (A'WA)^-1 with e_i = y_i - p_i, times n/(n-p) for HC1, e_i^2/(1-h_i) for HC2 and
e_i^2/(1-h_i)^2 for HC3, h_i the diagonal of W^1/2 A (A'WA)^-1 A' W^1/2 (as R's sandwich::vcovHC on a glm).
The maximum-likelihood estimate itself also by Newton in 40-digit mpmath from statsmodels' estimate.
Least squares on the second: statsmodels' OLS, nonrobust and HC0-HC3, and the Wald F of all slopes with HC1 and HC3;
the sandwiches and their F tests also in 50-digit mpmath from the definitions (statsmodels' HC2/HC3 keep 8-9 digits).
"""
import sys, os
import numpy as np
import statsmodels.api as sm
from sklearn.datasets import load_diabetes
from mpmath import mp, mpf, matrix, lu_solve, exp, log

out = sys.argv[1]

def r(x):
    return repr(float(x))

def arr(xs):
    return "[" + ", ".join(r(x) for x in xs) + "]"

def write_csv(name, header, X, y, target=r):
    with open(os.path.join(out, name), "w") as f:
        f.write(",".join(header) + "\n")
        for row, t in zip(X, y):
            f.write(",".join(r(v) for v in row) + "," + target(t) + "\n")

# --- diabetes, logistic ---
d = load_diabetes()
Xd = d.data
yd = (d.target > np.median(d.target)).astype(float)
write_csv("diabetes-binary.csv", list(d.feature_names) + ["high"], Xd, yd, lambda t: str(int(t)))
Ad = sm.add_constant(Xd, prepend=False)   # intercept last, as TensorLinear orders parameters
logit = sm.Logit(yd, Ad).fit(disp=0, method="newton", tol=1e-14, maxiter=100)
hc0 = sm.Logit(yd, Ad).fit(disp=0, method="newton", tol=1e-14, maxiter=100, cov_type="HC0")
ci = logit.conf_int(0.05)

n, p = Ad.shape
prob = 1.0 / (1.0 + np.exp(-Ad @ logit.params))
w = prob * (1 - prob)
bread = np.linalg.inv(Ad.T @ (w[:, None] * Ad))
e = yd - prob
h = w * np.einsum("ij,jk,ik->i", Ad, bread, Ad)
def sandwich(weights):
    return bread @ (Ad.T @ ((weights * e * e)[:, None] * Ad)) @ bread
robust = {
    "Hc0": sandwich(np.ones(n)),
    "Hc1": sandwich(np.ones(n)) * n / (n - p),
    "Hc2": sandwich(1 / (1 - h)),
    "Hc3": sandwich(1 / (1 - h) ** 2),
}

mp.dps = 40
A = [[mpf(float(v)) for v in row] for row in Ad]
Y = [mpf(float(v)) for v in yd]
theta = matrix([mpf(float(v)) for v in logit.params])
for _ in range(8):
    g = matrix(p, 1)
    H = matrix(p, p)
    for a, t in zip(A, Y):
        z = sum(a[j] * theta[j] for j in range(p))
        pi = 1 / (1 + exp(-z))
        for j in range(p):
            g[j] += (pi - t) * a[j]
            for k in range(p):
                H[j, k] += pi * (1 - pi) * a[j] * a[k]
    theta = theta - lu_solve(H, g)
mle = [theta[j] for j in range(p)]

# --- Longley, least squares ---
l = sm.datasets.longley.load_pandas()
Xl = l.exog.values
yl = l.endog.values
write_csv("longley.csv", list(l.exog.columns) + ["TOTEMP"], Xl, yl)
Al = sm.add_constant(Xl, prepend=False)
ols = sm.OLS(yl, Al).fit()
olsci = ols.conf_int(0.05)
olsci90 = ols.conf_int(0.10)

# The same sandwiches and robust F tests in 50-digit mpmath from their definitions (B = (A'A)^-1, h_i = a_i'Ba_i):
# statsmodels' HC2 and HC3 keep only 8-9 digits on Longley's ill-conditioned design.
mp.dps = 50
Am = matrix([[mpf(float(v)) for v in row] for row in Al])
Ym = matrix([mpf(float(v)) for v in yl])
nl, pl = Al.shape
Bm = mp.inverse(Am.T * Am)
thetam = Bm * (Am.T * Ym)
em = Ym - Am * thetam
hm = [(Am[i, :] * Bm * Am[i, :].T)[0] for i in range(nl)]
def exact_sandwich(weights, scale=1):
    M = matrix(pl, pl)
    for i in range(nl):
        a = Am[i, :]
        M += (weights[i] * em[i] ** 2) * (a.T * a)
    return Bm * M * Bm * scale
exact = {
    "Hc0": exact_sandwich([1] * nl),
    "Hc1": exact_sandwich([1] * nl, mpf(nl) / (nl - pl)),
    "Hc2": exact_sandwich([1 / (1 - hm[i]) for i in range(nl)]),
    "Hc3": exact_sandwich([1 / (1 - hm[i]) ** 2 for i in range(nl)]),
}
def exact_f(V):
    q = pl - 1
    Vs = matrix([[V[j, k] for k in range(q)] for j in range(q)])
    ts = matrix([thetam[j] for j in range(q)])
    return (ts.T * mp.inverse(Vs) * ts)[0] / q

print("// Generated by scripts/inference/reference_values.py (statsmodels 0.13.5, numpy, mpmath 40 digits): do not edit by hand.")
print("namespace TensorLinear.Tests.Shared;")
print()
print("/// <summary>statsmodels' (and mpmath's) values for the logistic fit of Data/diabetes-binary.csv, intercept last.</summary>")
print("internal static class DiabetesLogit")
print("{")
print(f"    /// <summary>The maximum-likelihood estimate by Newton in 40-digit mpmath, rounded to doubles.</summary>")
print(f"    public static readonly double[] Mle = {arr(mle)};")
print(f"    public static readonly double[] Estimates = {arr(logit.params)};")
print(f"    public static readonly double[] StandardErrors = {arr(logit.bse)};")
print(f"    public static readonly double[] ZStatistics = {arr(logit.tvalues)};")
print(f"    public static readonly double[] PValues = {arr(logit.pvalues)};")
print(f"    public static readonly double[] Lower95 = {arr(ci[:, 0])};")
print(f"    public static readonly double[] Upper95 = {arr(ci[:, 1])};")
print(f"    public static readonly double[] Hc0StatsmodelsStandardErrors = {arr(hc0.bse)};")
for k, v in robust.items():
    print(f"    public static readonly double[] {k}StandardErrors = {arr(np.sqrt(np.diag(v)))};")
print(f"    public const double LogLikelihood = {r(logit.llf)};")
print(f"    public const double NullLogLikelihood = {r(logit.llnull)};")
print(f"    public const double Aic = {r(logit.aic)};")
print(f"    public const double Bic = {r(logit.bic)};")
print(f"    public const double PseudoRSquared = {r(logit.prsquared)};")
print(f"    public const double LikelihoodRatio = {r(logit.llr)};")
print(f"    public const double LikelihoodRatioPValue = {r(logit.llr_pvalue)};")
print("}")
print()
print("/// <summary>statsmodels' values for the least-squares fit of Data/longley.csv, intercept last.</summary>")
print("internal static class LongleyOls")
print("{")
print(f"    public static readonly double[] Estimates = {arr(ols.params)};")
print(f"    public static readonly double[] StandardErrors = {arr(ols.bse)};")
print(f"    public static readonly double[] TStatistics = {arr(ols.tvalues)};")
print(f"    public static readonly double[] PValues = {arr(ols.pvalues)};")
print(f"    public static readonly double[] Lower95 = {arr(olsci[:, 0])};")
print(f"    public static readonly double[] Upper95 = {arr(olsci[:, 1])};")
print(f"    public static readonly double[] Lower90 = {arr(olsci90[:, 0])};")
print(f"    public static readonly double[] Upper90 = {arr(olsci90[:, 1])};")
for k in ["HC0", "HC1", "HC2", "HC3"]:
    print(f"    public static readonly double[] {k.capitalize()}StandardErrors = {arr(getattr(ols, k + '_se'))};")
for k in ["HC1", "HC3"]:
    print(f"    public const double {k.capitalize()}FStatistic = {r(sm.OLS(yl, Al).fit(cov_type=k).fvalue)};")
print(f"    public const double RSquared = {r(ols.rsquared)};")
print(f"    public const double AdjustedRSquared = {r(ols.rsquared_adj)};")
print(f"    public const double FStatistic = {r(ols.fvalue)};")
print(f"    public const double FPValue = {r(ols.f_pvalue)};")
print(f"    public const double LogLikelihood = {r(ols.llf)};")
print(f"    public const double Aic = {r(ols.aic)};")
print(f"    public const double Bic = {r(ols.bic)};")
print("}")
print()
print("/// <summary>The sandwich standard errors and robust F tests of Data/longley.csv in 50-digit mpmath, from their definitions.</summary>")
print("internal static class LongleyExact")
print("{")
for k, V in exact.items():
    print(f"    public static readonly double[] {k}StandardErrors = {arr([mp.sqrt(V[j, j]) for j in range(pl)])};")
    print(f"    public const double {k}FStatistic = {r(exact_f(V))};")
print("}")
