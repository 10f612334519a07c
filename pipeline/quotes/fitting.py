"""The fits of training (``train``): L2-regularised logistic regressions over named features, with
scikit-learn (``pip install 'whosaid[train]'``), turned into the plain weights that prediction reads
(``learned.LinearModel``). Deterministic: fixed solvers and seed."""

from __future__ import annotations

from whosaid.quotes.learned import LinearModel

REGULARISATION = 1.0  # sklearn's C: fixed, not tuned on the scored data


def fit_logistic(
    rows: list[dict[str, float]], labels: list[bool], seed: int, solver: str = "lbfgs", prune: float = 0.0
) -> LinearModel:
    """An L2-regularised logistic regression over named features (``liblinear`` is the quicker
    solver for the cue detector's many sparse rows; both are deterministic with a seed); weights
    smaller than ``prune`` are left out, to keep the shipped file small."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(rows)
    matrix.indices, matrix.indptr = matrix.indices.astype("int32"), matrix.indptr.astype("int32")  # for liblinear
    regression = LogisticRegression(
        C=REGULARISATION, solver=solver, max_iter=5000, random_state=seed, fit_intercept=False
    )
    regression.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): round(float(w), 6) for name, w in zip(names, regression.coef_[0], strict=True) if abs(w) > prune
    }
    return LinearModel(weights)


def fit_logistic_names(rows: list[tuple[str, ...]], labels: list[bool], seed: int, prune: float = 0.0) -> LinearModel:
    """``fit_logistic`` over rows given as the names of their indicator features (lighter to keep than dicts)."""
    import numpy
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    names = sorted({name for row in rows for name in row})
    column = {name: k for k, name in enumerate(names)}
    indices = numpy.fromiter((column[name] for row in rows for name in row), dtype=numpy.int32)
    indptr = numpy.zeros(len(rows) + 1, dtype=numpy.int32)
    numpy.cumsum([len(row) for row in rows], out=indptr[1:])
    matrix = csr_matrix((numpy.ones(len(indices)), indices, indptr), shape=(len(rows), len(names)))
    matrix.sum_duplicates()
    regression = LogisticRegression(
        C=REGULARISATION, solver="liblinear", max_iter=5000, random_state=seed, fit_intercept=False
    )
    regression.fit(matrix, labels)
    weights = {name: round(float(w), 6) for name, w in zip(names, regression.coef_[0], strict=True) if abs(w) > prune}
    return LinearModel(weights)
