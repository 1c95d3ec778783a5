#!/usr/bin/env python3
"""Independent reference values for src/models/delays (run ONCE; the tests read the JSON).

    python3 src/models/delays/reference/make-reference.py > src/models/delays/reference/reference.json

Made with numpy 2.4 and scipy 1.17. Nothing here shares code with the TypeScript: the
distributions are scipy.stats' (gamma, lognorm, weibull_min), the doubly censored likelihood is
integrated numerically with scipy.integrate.quad (the TypeScript uses a closed form), and the
maxima are found by scipy.optimize (Nelder-Mead restarted to convergence, then checked by a
gradient-free polish with Powell for the interval-censored fits). Inside quad the CDFs are
scipy.special's gammainc / ndtr / expm1 (what scipy.stats calls), for speed.

1. Interval-censored delays: log L = sum_i log(F(hi_i) - F(lo_i)), for a fixed data set of
   delays (whole days [d, d+1), a few two-day intervals and one right-censored [lo, inf)).
2. Doubly interval-censored incubation (Backer et al. 2020): with E0 = exposureStart,
   O0 = onsetStart, O1 = onsetEnd + 1, E1 = min(exposureEnd + 1, O1),
   P_i = 1/(E1 - E0) * integral_{E0}^{E1} [F(O1 - t) - F(O0 - t)] dt.
"""
import json
import math
import sys

import numpy as np
import scipy
from scipy import integrate, optimize, special, stats


def dist(family, p1, p2):
    if family == "gamma":
        return stats.gamma(a=p1, scale=1.0 / p2)
    if family == "lognormal":
        return stats.lognorm(s=p2, scale=math.exp(p1))
    if family == "weibull":
        return stats.weibull_min(c=p1, scale=p2)
    raise ValueError(family)


def natural(family, x):
    return (x[0], math.exp(x[1])) if family == "lognormal" else (math.exp(x[0]), math.exp(x[1]))


# ---------------------------------------------------------------- interval-censored delays
DAYS = [0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 14]
INTERVALS = [[d, d + 1] for d in DAYS] + [[2, 4], [3, 5], [0, 2], [5, 7], [12, math.inf]]


def interval_loglik(family, p1, p2, intervals=INTERVALS):
    d = dist(family, p1, p2)
    s = 0.0
    for lo, hi in intervals:
        p = (d.sf(lo) - d.sf(hi)) if d.cdf(lo) > 0.5 else (d.cdf(hi) - d.cdf(lo))
        if not p > 0:
            return -math.inf
        s += math.log(p)
    return s


def maximise(nll, x0, polish=True):
    best = optimize.minimize(nll, x0, method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-11, "maxiter": 20000, "maxfev": 40000})
    for _ in range(6):
        again = optimize.minimize(nll, best.x, method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-11, "maxiter": 20000, "maxfev": 40000, "initial_simplex": [best.x, best.x + [0.01, 0], best.x + [0, 0.01]]})
        gain = best.fun - again.fun
        if again.fun <= best.fun:
            best = again
        if gain < 1e-11:
            break
    if polish:
        p = optimize.minimize(nll, best.x, method="Powell", options={"xtol": 1e-12, "ftol": 1e-15, "maxfev": 40000})
        if p.fun < best.fun:
            best = p
    return best


def summary(family, p1, p2, loglik, n):
    d = dist(family, p1, p2)
    names = {"gamma": ("shape", "rate"), "lognormal": ("meanlog", "sdlog"), "weibull": ("shape", "scale")}[family]
    return {
        "family": family,
        "parameters": {names[0]: p1, names[1]: p2},
        "mean": float(d.mean()),
        "sd": float(d.std()),
        "median": float(d.median()),
        "p95": float(d.ppf(0.95)),
        "p99": float(d.ppf(0.99)),
        "logLikelihood": loglik,
        "aic": 4 - 2 * loglik,
        "n": n,
    }


STARTS = {"gamma": [math.log(2.0), math.log(0.5)], "lognormal": [1.2, math.log(0.7)], "weibull": [math.log(1.5), math.log(5.0)]}

delay_fits = []
for fam in ("gamma", "lognormal", "weibull"):
    res = maximise(lambda x, fam=fam: -interval_loglik(fam, *natural(fam, x)), STARTS[fam])
    p1, p2 = natural(fam, res.x)
    delay_fits.append(summary(fam, p1, p2, interval_loglik(fam, p1, p2), len(INTERVALS)))

# Log-likelihoods at fixed parameters (no optimiser involved).
FIXED = [["gamma", 2.0, 0.4], ["gamma", 0.7, 0.2], ["lognormal", 1.3, 0.8], ["weibull", 1.4, 5.5], ["weibull", 0.8, 3.0]]
delay_fixed = [{"family": f, "p1": a, "p2": b, "logLikelihood": interval_loglik(f, a, b)} for f, a, b in FIXED]

# Discretised pmf, d = 0..20, renormalised (delayPmf).
pmf_fixed = []
for f, a, b in FIXED:
    d = dist(f, a, b)
    w = np.array([d.cdf(k + 1) - d.cdf(k) for k in range(21)])
    pmf_fixed.append({"family": f, "p1": a, "p2": b, "maxDays": 20, "pmf": (w / w.sum()).tolist()})

# ---------------------------------------------------------------- doubly interval-censored incubation
# [exposureStart, exposureEnd, onsetStart, onsetEnd] in day numbers (inclusive days).
CASES = [
    [0, 0, 5, 5], [0, 3, 6, 6], [2, 9, 11, 11], [5, 5, 9, 9], [0, 6, 4, 4],  # exposure ends after onset: truncated
    [10, 14, 16, 16], [3, 3, 3, 3], [1, 2, 8, 8], [0, 10, 12, 12], [4, 7, 9, 10],  # onset window of two days
    [0, 0, 14, 14], [6, 8, 12, 12], [0, 1, 2, 2], [20, 27, 25, 25], [2, 2, 6, 7],
    [0, 4, 10, 10], [7, 7, 13, 13], [1, 5, 7, 7], [0, 2, 5, 5], [3, 12, 15, 15],
    [0, 0, 4, 4], [8, 9, 15, 15], [0, 6, 9, 9], [11, 11, 18, 18], [2, 5, 5, 5],
    [0, 0, 30, 30], [0, 1, 1, 1],  # a far-tail incubation, and onset the day after a two-day exposure
]


def raw_cdf_sf(family, p1, p2):
    """The CDF and survival function of scipy.stats' distributions, through scipy.special
    directly (scipy.stats' frozen distributions cost ~50 us a call, too slow inside quad inside
    an optimiser)."""
    if family == "gamma":
        return (lambda x: special.gammainc(p1, p2 * x) if x > 0 else 0.0), (lambda x: special.gammaincc(p1, p2 * x) if x > 0 else 1.0)
    if family == "lognormal":
        return (lambda x: special.ndtr((math.log(x) - p1) / p2) if x > 0 else 0.0), (lambda x: special.ndtr((p1 - math.log(x)) / p2) if x > 0 else 1.0)
    if family == "weibull":
        return (lambda x: -math.expm1(-((x / p2) ** p1)) if x > 0 else 0.0), (lambda x: math.exp(-((x / p2) ** p1)) if x > 0 else 1.0)
    raise ValueError(family)


def case_prob(family, p1, p2, case):
    e0, e_end, o0, o_end = case
    o1 = o_end + 1
    e1 = min(e_end + 1, o1)
    F, S = raw_cdf_sf(family, p1, p2)

    def integrand(t):
        # P(onset in [o0, o1) | infection at t), as a survival difference in the upper tail (a
        # CDF difference there loses digits: a 30-day incubation under Weibull(2.2, 6.5) came out
        # 1.3e-5 off in log P; mpmath at 40 digits agrees with the survival form).
        lo, hi = o0 - t, o1 - t
        return S(lo) - S(hi) if F(lo) > 0.5 else F(hi) - F(lo)

    brk = [p for p in (o0,) if e0 < p < e1]
    val, _ = integrate.quad(integrand, e0, e1, points=brk or None, epsabs=0, epsrel=1e-13, limit=200)
    return val / (e1 - e0)


def incubation_loglik(family, p1, p2):
    s = 0.0
    for c in CASES:
        p = case_prob(family, p1, p2, c)
        if not p > 0:
            return -math.inf
        s += math.log(p)
    return s


incubation_fits = []
for fam in ("gamma", "lognormal", "weibull"):
    res = maximise(lambda x, fam=fam: -incubation_loglik(fam, *natural(fam, x)), STARTS[fam], polish=False)
    p1, p2 = natural(fam, res.x)
    incubation_fits.append(summary(fam, p1, p2, incubation_loglik(fam, p1, p2), len(CASES)))

FIXED_INC = [["lognormal", 1.63, 0.5], ["gamma", 3.0, 0.55], ["gamma", 0.7, 0.15], ["weibull", 2.2, 6.5]]
incubation_fixed = []
for f, a, b in FIXED_INC:
    incubation_fixed.append({"family": f, "p1": a, "p2": b, "caseLogProbs": [math.log(case_prob(f, a, b, c)) for c in CASES]})

json.dump(
    {
        "made_by": "src/models/delays/reference/make-reference.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "delays": {"intervals": [[lo, None if math.isinf(hi) else hi] for lo, hi in INTERVALS], "fits": delay_fits, "fixed": delay_fixed, "pmf": pmf_fixed},
        "incubation": {
            "cases": [{"exposureStart": a, "exposureEnd": b, "onsetStart": c, "onsetEnd": e} for a, b, c, e in CASES],
            "fits": incubation_fits,
            "fixed": incubation_fixed,
        },
    },
    sys.stdout,
    indent=1,
)
print()
