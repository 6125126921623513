"""Accessibility profiles, without any UI (only memberdesk.ui imports Textual).

contrast   WCAG 2.2 luminance, contrast ratio, level (the one implementation)
colours    parse '#rgb' / '#rrggbb' / friendly names; NAMED_COLOURS for the picker
palette    what a colour becomes on 256- and 16-colour terminals (as Rich sends it)
profile    the Profile dataclasses and the rules for each setting (SCHEMA)
toml_lines which line of a TOML file a key is on
loading    load/validate/save profile files; ProfileError names file, line and key
checks     every colour pair's ratio and level: check_profile, failures
registry   built-in and user profiles: ProfileRegistry (list, get, import, export, save)
theme      Theme(**theme_values(profile)), app_settings(profile), md_variable_defaults()
depth      depth_report(profile, "truecolor" | "256" | "16", no_color=...), detect_depth(env)
"""
