#!/usr/bin/python3
"""Weighted-regression expected values for tests/Shared/WeightedInferenceValues.cs and the data files beside it,
computed once (the tests never run Python):
/usr/bin/python3 scripts/inference/weighted_values.py tests/Shared/Data > tests/Shared/WeightedInferenceValues.cs
(Debian 12's python3-statsmodels 0.13.5, python3-scipy 1.10.1, python3-sklearn 1.2.1, python3-mpmath 1.2.1).

The data of reference_values.py, each with a final column w of row weights (row index i from 0), written as CSV with
every double to 17 significant digits:
- longley-weighted.csv: Longley's (1967) data as statsmodels ships it, TOTEMP the target, w_i = 1 + 0.5 (i mod 4).
- diabetes-binary-weighted.csv: scikit-learn's diabetes data with the target made binary (above its median 140.5),
  w_i = 0.5 + 0.25 (i mod 5).

Weighted least squares on the first: statsmodels' WLS, nonrobust and HC0-HC3, R², F, the log-likelihood (with
statsmodels' +1/2 sum log w_i term) and the null log-likelihood, which RegressionResults does not give: here the llf
of WLS on a constant alone with the same weights. The estimate and classical standard errors also in 50-digit mpmath
from the definitions, theta = (A'WA)^-1 A'Wy, sigma² = sum w_i e_i² / (n - p), Cov = sigma² (A'WA)^-1, since
Longley's design is ill-conditioned; the HC0-HC3 sandwiches too (statsmodels' HC2 and HC3 keep 8 digits here).
Weighted logistic regression on the second: statsmodels' GLM, Binomial, var_weights = w, IRLS with tol 1e-14, for the
estimates, standard errors, z, p, 95% intervals, log-likelihoods (llf = sum w_i (y_i log p_i + (1 - y_i) log(1 - p_i));
llnull from the weighted mean of y), AIC and BIC (bic_llf: var_weights leave nobs at the number of rows), McFadden's
pseudo-R² and the LR test on p - 1 degrees of freedom; statsmodels' HC0 sandwich; HC0-HC3 by numpy from their
definitions: the bread B = (A'VA)^-1 with V = diag(w_i p_i (1 - p_i)), the scores s_i = w_i (y_i - p_i) a_i, the
sandwich B (sum c_i s_i s_i') B with c_i = 1 for HC0, times n/(n - p) for HC1, c_i = 1/(1 - h_i) for HC2 and
1/(1 - h_i)² for HC3, h_i = w_i p_i (1 - p_i) a_i'Ba_i. The weighted maximum-likelihood estimate itself also by
Newton in 40-digit mpmath from statsmodels' estimate.
"""
import sys, os
import numpy as np
import scipy.stats
import statsmodels.api as sm
from sklearn.datasets import load_diabetes
from mpmath import mp, mpf, matrix, lu_solve, exp

out = sys.argv[1]

def r(x):
    return repr(float(x))

def arr(xs):
    return "[" + ", ".join(r(x) for x in xs) + "]"

def write_csv(name, header, X, y, w, target=r):
    with open(os.path.join(out, name), "w") as f:
        f.write(",".join(header + ["w"]) + "\n")
        for row, t, wi in zip(X, y, w):
            f.write(",".join(r(v) for v in row) + "," + target(t) + "," + r(wi) + "\n")

# --- diabetes, weighted logistic ---
d = load_diabetes()
Xd = d.data
yd = (d.target > np.median(d.target)).astype(float)
wd = np.array([0.5 + 0.25 * (i % 5) for i in range(len(yd))])
write_csv("diabetes-binary-weighted.csv", list(d.feature_names) + ["high"], Xd, yd, wd, lambda t: str(int(t)))
Ad = sm.add_constant(Xd, prepend=False)   # intercept last, as TensorLinear orders parameters
glm = sm.GLM(yd, Ad, family=sm.families.Binomial(), var_weights=wd)
logit = glm.fit(tol=1e-14, maxiter=100)
hc0 = sm.GLM(yd, Ad, family=sm.families.Binomial(), var_weights=wd).fit(tol=1e-14, maxiter=100, cov_type="HC0")
ci = logit.conf_int(0.05)

n, p = Ad.shape
bic = -2 * logit.llf + p * np.log(n)
assert logit.nobs == n and logit.df_resid == n - p
assert abs(logit.bic_llf - bic) <= 1e-12 * abs(bic)
lr = 2 * (logit.llf - logit.llnull)

prob = 1.0 / (1.0 + np.exp(-Ad @ logit.params))
v = wd * prob * (1 - prob)
bread = np.linalg.inv(Ad.T @ (v[:, None] * Ad))
s = (wd * (yd - prob))[:, None] * Ad
h = v * np.einsum("ij,jk,ik->i", Ad, bread, Ad)
def sandwich(c):
    return bread @ (s.T @ (c[:, None] * s)) @ bread
robust = {
    "Hc0": sandwich(np.ones(n)),
    "Hc1": sandwich(np.ones(n)) * n / (n - p),
    "Hc2": sandwich(1 / (1 - h)),
    "Hc3": sandwich(1 / (1 - h) ** 2),
}

mp.dps = 40
A = [[mpf(float(x)) for x in row] for row in Ad]
Y = [mpf(float(x)) for x in yd]
W = [mpf(float(x)) for x in wd]
theta = matrix([mpf(float(x)) for x in logit.params])
for _ in range(8):
    g = matrix(p, 1)
    H = matrix(p, p)
    for a, t, wi in zip(A, Y, W):
        z = sum(a[j] * theta[j] for j in range(p))
        pi = 1 / (1 + exp(-z))
        for j in range(p):
            g[j] += wi * (pi - t) * a[j]
            for k in range(p):
                H[j, k] += wi * pi * (1 - pi) * a[j] * a[k]
    theta = theta - lu_solve(H, g)
mle = [theta[j] for j in range(p)]

# --- Longley, weighted least squares ---
l = sm.datasets.longley.load_pandas()
Xl = l.exog.values
yl = l.endog.values
wl = np.array([1 + 0.5 * (i % 4) for i in range(len(yl))])
write_csv("longley-weighted.csv", list(l.exog.columns) + ["TOTEMP"], Xl, yl, wl)
Al = sm.add_constant(Xl, prepend=False)
wls = sm.WLS(yl, Al, weights=wl).fit()
wlsci = wls.conf_int(0.05)
wlsnull = sm.WLS(yl, np.ones((len(yl), 1)), weights=wl).fit()

# The estimate and classical standard errors in 50-digit mpmath from their definitions.
mp.dps = 50
Am = matrix([[mpf(float(x)) for x in row] for row in Al])
Ym = matrix([mpf(float(x)) for x in yl])
Wm = [mpf(float(x)) for x in wl]
nl, pl = Al.shape
AtW = matrix(pl, nl)
for i in range(nl):
    for j in range(pl):
        AtW[j, i] = Am[i, j] * Wm[i]
Bm = mp.inverse(AtW * Am)
thetam = Bm * (AtW * Ym)
em = Ym - Am * thetam
sigma2 = sum(Wm[i] * em[i] ** 2 for i in range(nl)) / (nl - pl)
# And the sandwiches (whitened, as statsmodels' WLS: scores w_i e_i a_i, h_i = w_i a_i'Ba_i), whose HC2 and HC3 keep
# only 8 digits in statsmodels here.
hm = [Wm[i] * (Am[i, :] * Bm * Am[i, :].T)[0] for i in range(nl)]
def exact_sandwich(c, scale=1):
    M = matrix(pl, pl)
    for i in range(nl):
        a = Am[i, :]
        M += (c[i] * (Wm[i] * em[i]) ** 2) * (a.T * a)
    return Bm * M * Bm * scale
exact = {
    "Hc0": exact_sandwich([1] * nl),
    "Hc1": exact_sandwich([1] * nl, mpf(nl) / (nl - pl)),
    "Hc2": exact_sandwich([1 / (1 - hm[i]) for i in range(nl)]),
    "Hc3": exact_sandwich([1 / (1 - hm[i]) ** 2 for i in range(nl)]),
}

print("// Generated by scripts/inference/weighted_values.py (statsmodels 0.13.5, numpy, mpmath 40 and 50 digits): do not edit by hand.")
print("namespace TensorLinear.Tests.Shared;")
print()
print("/// <summary>statsmodels' (and mpmath's) values for the weighted logistic fit of Data/diabetes-binary-weighted.csv")
print("/// (GLM, Binomial, var_weights = w), intercept last.</summary>")
print("internal static class DiabetesWeightedLogit")
print("{")
print(f"    /// <summary>The weighted maximum-likelihood estimate by Newton in 40-digit mpmath, rounded to doubles.</summary>")
print(f"    public static readonly double[] Mle = {arr(mle)};")
print(f"    public static readonly double[] Estimates = {arr(logit.params)};")
print(f"    public static readonly double[] StandardErrors = {arr(logit.bse)};")
print(f"    public static readonly double[] ZStatistics = {arr(logit.tvalues)};")
print(f"    public static readonly double[] PValues = {arr(logit.pvalues)};")
print(f"    public static readonly double[] Lower95 = {arr(ci[:, 0])};")
print(f"    public static readonly double[] Upper95 = {arr(ci[:, 1])};")
print(f"    public static readonly double[] Hc0StatsmodelsStandardErrors = {arr(hc0.bse)};")
for k, V in robust.items():
    print(f"    public static readonly double[] {k}StandardErrors = {arr(np.sqrt(np.diag(V)))};")
print(f"    public const double LogLikelihood = {r(logit.llf)};")
print(f"    public const double NullLogLikelihood = {r(logit.llnull)};")
print(f"    public const double Aic = {r(logit.aic)};")
print(f"    /// <summary>-2 llf + p ln n with n the number of rows: statsmodels' bic_llf (var_weights leave nobs at the rows).</summary>")
print(f"    public const double Bic = {r(logit.bic_llf)};")
print(f"    public const double PseudoRSquared = {r(1 - logit.llf / logit.llnull)};")
print(f"    public const double LikelihoodRatio = {r(lr)};")
print(f"    public const double LikelihoodRatioPValue = {r(scipy.stats.chi2.sf(lr, p - 1))};")
print("}")
print()
print("/// <summary>statsmodels' (and mpmath's) values for the weighted least-squares fit of Data/longley-weighted.csv")
print("/// (WLS, weights = w), intercept last.</summary>")
print("internal static class LongleyWls")
print("{")
print(f"    /// <summary>(A'WA)^-1 A'Wy in 50-digit mpmath, rounded to doubles.</summary>")
print(f"    public static readonly double[] ExactEstimates = {arr([thetam[j] for j in range(pl)])};")
print(f"    /// <summary>The square roots of the diagonal of sigma² (A'WA)^-1, sigma² = sum w_i e_i² / (n - p), in 50-digit mpmath.</summary>")
print(f"    public static readonly double[] ExactStandardErrors = {arr([mp.sqrt(sigma2 * Bm[j, j]) for j in range(pl)])};")
for k, V in exact.items():
    print(f"    public static readonly double[] Exact{k}StandardErrors = {arr([mp.sqrt(V[j, j]) for j in range(pl)])};")
print(f"    public static readonly double[] Estimates = {arr(wls.params)};")
print(f"    public static readonly double[] StandardErrors = {arr(wls.bse)};")
print(f"    public static readonly double[] TStatistics = {arr(wls.tvalues)};")
print(f"    public static readonly double[] PValues = {arr(wls.pvalues)};")
print(f"    public static readonly double[] Lower95 = {arr(wlsci[:, 0])};")
print(f"    public static readonly double[] Upper95 = {arr(wlsci[:, 1])};")
for k in ["HC0", "HC1", "HC2", "HC3"]:
    print(f"    public static readonly double[] {k.capitalize()}StandardErrors = {arr(getattr(wls, k + '_se'))};")
print(f"    public const double RSquared = {r(wls.rsquared)};")
print(f"    public const double AdjustedRSquared = {r(wls.rsquared_adj)};")
print(f"    public const double FStatistic = {r(wls.fvalue)};")
print(f"    public const double FPValue = {r(wls.f_pvalue)};")
print(f"    /// <summary>statsmodels' WLS log-likelihood, -n/2 (1 + ln(2 pi ssr / n)) + 1/2 sum ln w_i.</summary>")
print(f"    public const double LogLikelihood = {r(wls.llf)};")
print(f"    /// <summary>The log-likelihood of WLS on a constant alone, with the same weights.</summary>")
print(f"    public const double NullLogLikelihood = {r(wlsnull.llf)};")
print(f"    public const double Aic = {r(wls.aic)};")
print(f"    public const double Bic = {r(wls.bic)};")
print(f"    /// <summary>sum w_i e_i².</summary>")
print(f"    public const double ResidualSumOfSquares = {r(wls.ssr)};")
print(f"    /// <summary>sum w_i (y_i - ybar_w)², ybar_w the weighted mean.</summary>")
print(f"    public const double CentredTotalSumOfSquares = {r(wls.centered_tss)};")
print("}")
