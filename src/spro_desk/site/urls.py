"""Which server addresses the desk accepts (checked when one is saved, and again before use)."""

from __future__ import annotations

from urllib.parse import urlsplit

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def check_url(url: str) -> str:
    """The folder URL as the client uses it, or a French reason why it cannot be used."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError("l'adresse doit commencer par https:// et nommer un serveur.")
    if parts.scheme == "http" and parts.hostname not in LOOPBACK_HOSTS:
        raise ValueError(
            "https:// est obligatoire : le mot de passe ne doit pas circuler en clair "
            "(http:// n'est admis que vers cet ordinateur)."
        )
    if parts.username or parts.password:
        raise ValueError("l'identifiant et le mot de passe se règlent à part, pas dans l'adresse.")
    if parts.query or parts.fragment:
        raise ValueError("l'adresse d'un dossier ne comporte ni « ? » ni « # ».")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"
