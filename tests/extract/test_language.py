"""Language identification decides whether English rules run at all."""

from __future__ import annotations

import pytest

from tumen.extract.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korea is sending more workers to Russia, a source said on Monday.", "en"),
        ("북한이 러시아에 노동자를 추가로 파견하고 있다고 소식통이 전했다.", "ko"),
        ("Северная Корея направляет рабочих в Россию, сообщил источник.", "ru"),
        ("朝鲜正在向俄罗斯派遣更多工人。", "zh"),
        ("北朝鮮はロシアに労働者を派遣している。", "ja"),
        (
            "La Corée du Nord envoie des travailleurs en Russie pour la reconstruction, selon une source qui est sur place.",
            "fr",
        ),
        (
            "Nordkorea schickt Arbeiter nach Russland, und die Arbeiter sind nicht freiwillig dort, sagt eine Quelle.",
            "de",
        ),
        ("PYONGYANG MAY HOLD A FOURTH ROUND OF HIRING", "en"),
        ("12345 67890 !!!", "und"),
    ],
)
def test_language_detect(text: str, expected: str) -> None:
    assert detect_language(text) == expected
