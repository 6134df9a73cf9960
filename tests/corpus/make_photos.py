"""Write the corpus's photo cases (small JPEGs with EXIF) and their labels. Re-run after changing a case:
`python tests/corpus/make_photos.py`. The positions are invented; the homes they test are in the profiles."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

CASES = Path(__file__).resolve().parent / "cases"


def dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round((value - degrees - minutes / 60) * 3600, 4)
    return (float(degrees), float(minutes), seconds)


def photo(name: str, position: tuple[float, float] | None, words: dict[int, str], taken: str) -> None:
    image = Image.new("RGB", (64, 48), (90, 140, 70))
    exif = Image.Exif()
    exif[0x0132] = taken  # DateTime
    for tag, text in words.items():
        exif[tag] = text
    if position is not None:
        lat, lon = position
        gps = exif.get_ifd(0x8825)
        gps[1] = "N" if lat >= 0 else "S"
        gps[2] = dms(lat)
        gps[3] = "E" if lon >= 0 else "W"
        gps[4] = dms(lon)
    image.save(CASES / name, "JPEG", exif=exif.tobytes(), quality=70)


def label(name: str, profile: str, context: str, description: str, expect: list[str]) -> None:
    body = [f'profile = "{profile}"', f'context = "{context}"', f'description = """{description}"""', ""]
    body.extend(expect)
    (CASES / name).write_text("\n".join(body) + "\n", encoding="utf-8")


def geo(key: str, partial: bool) -> str:
    return f'[[expect]]\nkind = "geo_location"\nkey = "{key}"\npartial = {"true" if partial else "false"}\n'


def main() -> None:
    # Maggie's home (profiles/maggie.toml) is at 53.80121, -1.54912; near_home_metres = 500.
    photo("073-garden-photo-own-site.jpg", (53.80139, -1.54877), {}, "2025:06:01 14:02:11")
    label(
        "073-garden-photo-own-site.toml",
        "maggie",
        "confirmed",
        "A photo from her own site whose EXIF GPS puts it about 30 m from her home: her home, to within a "
        "garden's width.",
        [geo("geo:53.801,-1.549", False)],
    )
    photo("074-holiday-photo-own-site.jpg", (50.26412, -5.05273), {}, "2024:08:12 10:30:00")
    label(
        "074-holiday-photo-own-site.toml",
        "maggie",
        "confirmed",
        "A holiday photo on her own site taken in Cornwall, far from home: a place she went (partial).",
        [geo("geo:50.264,-5.053", True)],
    )
    photo("075-photo-no-gps.jpg", None, {0x013B: "Margaret Oduya"}, "2024:05:02 09:00:00")
    label(
        "075-photo-no-gps.toml",
        "maggie",
        "confirmed",
        "A photo with her name as the EXIF artist but no GPS block: nothing to report.",
        [],
    )
    photo("076-photo-unknown-no-name.jpg", (53.80125, -1.54920), {}, "2025:03:03 08:15:00")
    label(
        "076-photo-unknown-no-name.toml",
        "maggie",
        "unknown",
        "A photo found by searching, taken beside her home, but nothing in it names her: it is not about "
        "her, so its position is nothing (a neighbour's photo).",
        [],
    )
    photo(
        "077-photo-unknown-named.jpg",
        (53.80102, -1.54951),
        {0x013B: "Margaret Oduya", 0x010E: "Our front garden, Millbrook"},
        "2023:07:14 18:40:00",
    )
    label(
        "077-photo-unknown-named.toml",
        "maggie",
        "unknown",
        "A photo found by searching whose EXIF names her as the artist, taken about 35 m from her home: her "
        "home's position.",
        [geo("geo:53.801,-1.550", False)],
    )
    # Tom's profile gives no coordinates for his home, so a photo's position can only be a place.
    photo("081-tom-photo-no-home-coordinates.jpg", (51.50321, -0.11245), {}, "2024:11:03 19:00:00")
    label(
        "081-tom-photo-no-home-coordinates.toml",
        "tom",
        "confirmed",
        "A photo from Tom's own blog with EXIF GPS; his profile gives no home coordinates, so it is a place "
        "he was (partial), not known to be his home.",
        [geo("geo:51.503,-0.112", True)],
    )


if __name__ == "__main__":
    main()
