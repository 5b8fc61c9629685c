# Writes zone-names.json: each UI language's names of zone cities (where CLDR's differ from the zone id) and of
# countries, from the Unicode CLDR (Unicode License V3), npm packages cldr-dates-full and cldr-localenames-full 48.2.0:
#   npm pack cldr-dates-full@48.2.0 cldr-localenames-full@48.2.0 && tar xzf both, then run this beside "package/".
import json

out = {}
for lang in ["en", "fr", "es", "ru", "ar", "zh"]:
    zones = json.load(open(f"package/main/{lang}/timeZoneNames.json"))["main"][lang]["dates"]["timeZoneNames"]["zone"]
    cities = {}

    def walk(node, path):
        for key, value in node.items():
            if isinstance(value, dict) and "exemplarCity" in value:
                cities["/".join(path + [key])] = value["exemplarCity"]
            elif isinstance(value, dict):
                walk(value, path + [key])

    walk(zones, [])
    territories = json.load(open(f"package/main/{lang}/territories.json"))["main"][lang]["localeDisplayNames"]["territories"]
    out[lang] = {"cities": cities, "countries": {k: v for k, v in territories.items() if len(k) == 2 and k.isalpha()}}

open("zone-names.json", "w").write(json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
