#!/usr/bin/env python3
"""Independent reference for cfqnn's circuit engine: numpy statevector by tensor contraction
(qubit 0 = least significant bit), textbook gate matrices, central finite-difference gradients.
Writes random circuits in circuit JSON with their expectations and gradients:

    python3 tools/reference/circuit_reference.py > src/test/resources/reference/circuits.json
"""
import json
import sys

import numpy as np

R = 1 / np.sqrt(2)
FIXED = {
    "H": np.array([[R, R], [R, -R]]), "X": np.array([[0, 1], [1, 0]]),
    "Y": np.array([[0, -1j], [1j, 0]]), "Z": np.diag([1, -1]),
    "S": np.diag([1, 1j]), "SDG": np.diag([1, -1j]),
    "T": np.diag([1, np.exp(1j * np.pi / 4)]), "TDG": np.diag([1, np.exp(-1j * np.pi / 4)]),
}


def rot(name, t):
    c, s = np.cos(t / 2), np.sin(t / 2)
    return {"RX": np.array([[c, -1j * s], [-1j * s, c]]), "RY": np.array([[c, -s], [s, c]]),
            "RZ": np.diag([np.exp(-1j * t / 2), np.exp(1j * t / 2)])}[name]


def base(name, t):
    return rot(name, t) if name in ("RX", "RY", "RZ") else FIXED[name]


def apply(psi, n, gate, qubits, t):
    # psi as tensor with axes (q_{n-1}, ..., q_0): axis of qubit q is n-1-q
    psi = psi.reshape([2] * n)
    name = gate
    if name == "SWAP":
        a, b = (n - 1 - qubits[0], n - 1 - qubits[1])
        return np.swapaxes(psi, a, b).reshape(-1)
    if len(qubits) == 1:
        ax = n - 1 - qubits[0]
        out = np.tensordot(base(name, t), psi, axes=([1], [ax]))
        return np.moveaxis(out, 0, ax).reshape(-1)
    c, tq = qubits
    u = base(name[1:], t)  # CX -> X, CRY -> RY
    ca, ta = n - 1 - c, n - 1 - tq
    out = psi.copy()
    idx = [slice(None)] * n
    idx[ca] = 1
    sub = psi[tuple(idx)]  # control = 1 slice (axis ca removed)
    ta2 = ta if ta < ca else ta - 1
    new = np.moveaxis(np.tensordot(u, sub, axes=([1], [ta2])), 0, ta2)
    out[tuple(idx)] = new
    return out.reshape(-1)


def expectation(psi, n, pauli):
    phi = psi.copy()
    i = 0
    while i < len(pauli):
        letter = pauli[i]
        j = i + 1
        while j < len(pauli) and pauli[j].isdigit():
            j += 1
        phi = apply(phi, n, letter, [int(pauli[i + 1:j])], 0)
        i = j
    return float(np.real(np.vdot(psi, phi)))


def run(spec, params):
    n = spec["qubits"]
    psi = np.zeros(2 ** n, dtype=complex)
    psi[0] = 1
    k = 0
    for g in spec["gates"]:
        t = 0
        if "param" in g:
            t = params[k]
            k += 1
        psi = apply(psi, n, g["gate"], g["qubits"], t)
    return psi


def random_spec(rng, n, gates):
    names1 = list(FIXED) + ["RX", "RY", "RZ"]
    names2 = ["CX", "CY", "CZ", "CH", "CRX", "CRY", "CRZ", "SWAP"]
    out = [{"gate": "H", "qubits": [q]} for q in range(n)]
    for _ in range(gates):
        if n > 1 and rng.random() < 0.4:
            name = str(rng.choice(names2))
            a, b = (int(x) for x in rng.choice(n, size=2, replace=False))
            g = {"gate": name, "qubits": [a, b]}
        else:
            name = str(rng.choice(names1))
            g = {"gate": name, "qubits": [int(rng.integers(n))]}
        if name in ("RX", "RY", "RZ", "CRX", "CRY", "CRZ"):
            g["param"] = float(rng.uniform(-np.pi, np.pi))
        out.append(g)
    obs = ["Z0", f"X{n - 1}", "Y0" if n == 1 else "Y0Z1", "Z0" if n == 1 else f"X0Z{n - 1}"]
    return {"qubits": n, "gates": out, "observables": obs}


def main():
    rng = np.random.default_rng(7)
    cases = []
    for n in (1, 2, 3, 5, 7):
        spec = random_spec(rng, n, 12 + 3 * n)
        params = [g["param"] for g in spec["gates"] if "param" in g]
        psi = run(spec, params)
        exp = [expectation(psi, n, p) for p in spec["observables"]]
        h = 1e-6
        grads = []
        for p in spec["observables"]:
            row = []
            for k in range(len(params)):
                up, dn = list(params), list(params)
                up[k] += h
                dn[k] -= h
                row.append((expectation(run(spec, up), n, p) - expectation(run(spec, dn), n, p)) / (2 * h))
            grads.append(row)
        cases.append({"spec": spec, "expectations": exp, "gradients": grads})
    json.dump({"generator": "tools/reference/circuit_reference.py", "cases": cases}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
