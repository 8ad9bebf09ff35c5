#!/usr/bin/env python3
"""Independent reference for cfqnn's radio model and baselines, written from docs/model.md sections 2-3
with numpy only (no code shared with the Java implementation).

It draws its own random snapshots (numpy's generator, not cfqnn's streams), computes MR precoders,
rates, the search baseline (Algorithm 4), the exhaustive optimum and the eigenvalue targets Phi,
and writes them as a JSON fixture that the Java tests compare against:

    python3 tools/reference/radio_reference.py > src/test/resources/reference/radio.json
"""
import itertools
import json
import sys

import numpy as np


def mr(h_mk):
    n = np.linalg.norm(h_mk)
    return np.conj(h_mk) / n if n > 0 else np.zeros_like(h_mk)


def couplings(h, v):
    """c[n][k] = |h[n][k]^T v[n]|^2 (transpose, not Hermitian)."""
    M, K, _ = h.shape
    return np.array([[abs(np.dot(h[n, k], v[n])) ** 2 for k in range(K)] for n in range(M)])


def rates(h, a, v, rho, mu):
    M, K, _ = h.shape
    c = couplings(h, v)
    out, served = [], []
    for k in range(K):
        s = rho * sum(c[m, k] for m in range(M) if a[m] == k)
        i = rho * mu * sum(c[n, k] for n in range(M) if a[n] != k)
        out.append(float(np.log2(1 + s / (i + 1))))
        served.append(any(a[m] == k for m in range(M)))
    reported = [r if sv else 0.0 for r, sv in zip(out, served)]
    return reported, min(reported), sum(reported), served.count(False)


def mr_precoders(h_hat, a):
    return np.array([mr(h_hat[m, a[m]]) for m in range(len(a))])


def search(h_hat, rho, mu):
    """docs/model.md section 3, `search` (the paper's Algorithm 4)."""
    M, K, _ = h_hat.shape
    a = [-1] * M
    used = 0
    while used < M:
        for k in range(K):
            if used == M:
                break
            interf = sum(abs(np.dot(h_hat[n, k], mr(h_hat[n, a[n]]))) ** 2
                         for n in range(M) if a[n] >= 0 and a[n] != k)
            best, best_g = None, -np.inf
            for j in range(M):
                if a[j] < 0:
                    g = rho * abs(np.dot(h_hat[j, k], mr(h_hat[j, k]))) ** 2 / (rho * mu * interf + 1)
                    if g > best_g:
                        best, best_g = j, g
            a[best] = k
            used += 1
    return a


def optimum(h_hat, rho, mu):
    M, K, _ = h_hat.shape
    best, key = None, None
    for a in itertools.product(range(K), repeat=M):  # lexicographic order
        if len(set(a)) < K:
            continue
        _, mn, sm, _ = rates(h_hat, a, mr_precoders(h_hat, a), rho, mu)
        if key is None or mn > key[0] or (mn == key[0] and sm > key[1]):
            best, key = list(a), (mn, sm)
    return best


def phi_ap(h_hat, m, rho):
    H = h_hat[m].T  # N x K, columns = channels to each user
    lam = np.linalg.eigvalsh(H @ H.conj().T)
    N = h_hat.shape[2]
    return float(-sum(np.log2(1 + max(l, 0) * rho / N) for l in lam))


def cgauss(rng, shape, var):
    return (rng.normal(size=shape) + 1j * rng.normal(size=shape)) * np.sqrt(var / 2)


def encode(h):
    return [[[[float(z.real), float(z.imag)] for z in h[m, k]] for k in range(h.shape[1])]
            for m in range(h.shape[0])]


def case(rng, M, K, N, rho, mu, csi):
    beta = rng.uniform(0.5, 50, size=(M, K, 1))
    h = cgauss(rng, (M, K, N), 1.0) * np.sqrt(beta)
    h_hat = h + cgauss(rng, (M, K, N), csi ** 2) * np.sqrt(beta) if csi > 0 else h
    snap = {"nAp": M, "nUser": K, "nTx": N, "rho": rho, "mu": mu, "h": encode(h)}
    if csi > 0:
        snap["hHat"] = encode(h_hat)
    checks = []
    for _ in range(4):
        a = [int(x) for x in rng.integers(0, K, size=M)]
        r, mn, sm, un = rates(h, a, mr_precoders(h_hat, a), rho, mu)
        checks.append({"assignment": a, "rates": r, "minRate": mn, "sumRate": sm, "unserved": un})
    s = search(h_hat, rho, mu)
    o = optimum(h_hat, rho, mu)
    return {
        "snapshot": snap,
        "evaluations": checks,
        "search": s,
        "optimum": o,
        "optimumOnTruth": rates(h, o, mr_precoders(h_hat, o), rho, mu)[1],
        "phiAp": [phi_ap(h_hat, m, rho) for m in range(M)],
    }


def main():
    rng = np.random.default_rng(20261123)
    shapes = [(4, 3, 2, 10.0, 0.1, 0.0), (4, 3, 2, 10.0, 0.1, 0.1), (5, 2, 3, 3.0, 0.5, 0.0),
              (3, 3, 1, 100.0, 0.0, 0.0), (6, 3, 4, 10.0, 0.3, 0.2), (5, 4, 2, 31.6, 1.0, 0.0)]
    cases = [case(rng, *s) for s in shapes]
    json.dump({"generator": "tools/reference/radio_reference.py", "cases": cases}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
