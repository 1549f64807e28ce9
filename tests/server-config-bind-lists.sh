# server-config-bind-lists.sh - part of tests/server-config.sh, sourced by
# server-config-bind.sh: more of what named refuses in named.conf, each
# case run through named-checkconf and zonelint --server-config, the
# verdicts and lines compared (named_cases, named_takes).
# shellcheck shell=sh disable=SC2154 # here, tmp: set by server-config.sh

# A parental-agents list a primary or secondary zone names, or one such a
# list names: defined by a parental-agents statement at the top (its own
# name space: a primaries list of that name does not count), else refused
# at the name by both; one that reaches no address (empty, or naming
# itself) refused at the zone; one defined twice, in any case, at the
# second; a tls an entry names, defined.
t_parental_agents() {
	named_cases pa "list '" <<'EOF2' || return 1
1 |zone "a.org" { type primary; file "db"; parental-agents { p; }; };
3 |primaries p { 192.0.2.1; };\nzone "a.org" { type secondary; file "db"; primaries { p; };\nparental-agents { 192.0.2.2; p; }; };
2 |parental-agents p { 192.0.2.1;\nq; };\nzone "a.org" { type primary; file "db"; parental-agents { p; }; };
3 |parental-agents p { 192.0.2.1; };\nzone "a.org" { type primary; file "db"; parental-agents { p; }; };\nparental-agents P { 192.0.2.2; };
2 |parental-agents p { 192.0.2.1; };\nzone "a.org" { type secondary; file "db"; primaries { p; }; };
|parental-agents p { 192.0.2.1; };\nprimaries p { 192.0.2.2; };\nzone "a.org" { type primary; file "db"; parental-agents { P; }; };
|parental-agents p { q; };\nparental-agents q { 192.0.2.1; };\nzone "a.org" { type secondary; file "db"; primaries { 192.0.2.3; }; parental-agents { p; }; };
|parental-agents p { nope; };
EOF2
	named_cases pa "tls '" <<'EOF2' || return 1
1 |parental-agents p { 192.0.2.1 tls t; };\nzone "a.org" { type primary; file "db"; parental-agents { p; }; };
|parental-agents p { 192.0.2.1 tls t; };
EOF2
	named_cases pa "'parental-agents'" <<'EOF2'
2 |parental-agents p { };\nzone "a.org" { type primary; file "db"; parental-agents { p; }; };
1 |zone "a.org" { type primary; file "db"; parental-agents { }; };
3 |parental-agents p { q; };\nparental-agents q { p; };\nzone "a.org" { type secondary; file "db";\nprimaries { 192.0.2.1; }; parental-agents { p; }; };
|parental-agents p { p; 192.0.2.1; };\nzone "a.org" { type primary; file "db"; parental-agents { p; }; };
EOF2
}
t "BIND parental-agents lists: zonelint refuses what named refuses, at its line" t_parental_agents
