#!/usr/bin/env bash
# Static checks of the docker/ folder that need no Docker engine.
#
#   bash docker/check.sh
#
# Needs: promtool (Debian: apt-get install prometheus; the service does not
# have to run) and python3 with PyYAML. Uses "docker compose config" too when
# the compose plugin is installed (it parses without an engine).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

step() { printf '\n== %s\n' "$*"; }

step "promtool check config prometheus/prometheus.yml (also loads alerts.yml)"
promtool check config prometheus/prometheus.yml

step "promtool check rules prometheus/alerts.yml"
promtool check rules prometheus/alerts.yml

step "promtool test rules prometheus/alerts.test.yml"
promtool test rules prometheus/alerts.test.yml

step "compose / provisioning / dashboard consistency (python3)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/dashboard-exprs.rules.yml" <<'PY'
import json, os, re, sys
import yaml

out_rules = sys.argv[1]
errors = []
def check(cond, msg):
    if not cond:
        errors.append(msg)

compose = yaml.safe_load(open("compose.yaml", encoding="utf-8"))
svcs = compose["services"]
check(set(svcs) == {"postgres", "command-side", "query-side", "prometheus", "grafana"},
      f"unexpected services: {sorted(svcs)}")

# Bind mounts must point at files/folders that exist (relative to docker/).
for name, svc in svcs.items():
    for vol in svc.get("volumes", []):
        src = vol.split(":")[0]
        if src.startswith("."):
            check(os.path.exists(src), f"{name}: mount source {src} does not exist")

# Apps: build context, Dockerfile, port, healthcheck, dependencies, DB env.
ports = {"command-side": "8080", "query-side": "8081"}
for app, port in ports.items():
    s = svcs[app]
    check(s["build"]["context"] == "..", f"{app}: build context must be the repo root")
    dockerfile = s["build"]["dockerfile"]
    check(os.path.exists(os.path.join("..", dockerfile)), f"{app}: {dockerfile} missing")
    check(os.path.exists(os.path.join("..", dockerfile + ".dockerignore")), f"{app}: {dockerfile}.dockerignore missing")
    df = open(os.path.join("..", dockerfile), encoding="utf-8").read()
    check(f"EXPOSE {port}" in df, f"{app}: Dockerfile does not EXPOSE {port}")
    check(f"-pl {app} -am package" in df and f"{app}/target/{app}.jar" in df, f"{app}: Dockerfile builds the wrong module")
    check(s["ports"] == [f"${{LEDGER_BIND_ADDRESS:-127.0.0.1}}:{port}:{port}"], f"{app}: ports {s['ports']}")
    check(str(s["environment"].get("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED")) == "true", f"{app}: probes not enabled")
    check(str(s["environment"]["SERVER_PORT"]) == port, f"{app}: SERVER_PORT")
    for k in ("LEDGER_DB_URL", "LEDGER_DB_USER", "LEDGER_DB_PASSWORD"):
        check(k in s["environment"], f"{app}: {k} missing")
    check(s["environment"]["LEDGER_DB_URL"] == "jdbc:postgresql://postgres:5432/ledger", f"{app}: LEDGER_DB_URL")
    hc = " ".join(s["healthcheck"]["test"])
    check(f"/dev/tcp/127.0.0.1/{port}" in hc and "/actuator/health/readiness" in hc, f"{app}: healthcheck {hc}")
    check(s["restart"] == "unless-stopped", f"{app}: restart policy")
    check(s["depends_on"]["postgres"]["condition"] == "service_healthy", f"{app}: depends_on postgres")
check(svcs["query-side"]["depends_on"]["command-side"]["condition"] == "service_healthy",
      "query-side must wait for a healthy command-side")
check(svcs["postgres"]["healthcheck"]["test"] == ["CMD", "pg_isready", "-U", "ledger", "-d", "ledger"], "postgres healthcheck")

# Prometheus scrape targets match the compose services and ports.
prom = yaml.safe_load(open("prometheus/prometheus.yml", encoding="utf-8"))
jobs = {j["job_name"]: j for j in prom["scrape_configs"]}
for app, port in ports.items():
    j = jobs.get(app)
    check(j is not None, f"prometheus: job {app} missing")
    if j:
        check(j.get("metrics_path") == "/actuator/prometheus", f"prometheus: {app} metrics_path")
        check(j["static_configs"][0]["targets"] == [f"{app}:{port}"], f"prometheus: {app} target")
        check(j.get("scrape_interval", prom["global"]["scrape_interval"]) == "15s", f"prometheus: {app} interval")

# Grafana provisioning <-> compose mounts <-> dashboard.
ds = yaml.safe_load(open("grafana/provisioning/datasources/prometheus.yaml", encoding="utf-8"))
ds_uids = {d["uid"] for d in ds["datasources"]}
check(ds["datasources"][0]["url"] == "http://prometheus:9090", "datasource url")
prov = yaml.safe_load(open("grafana/provisioning/dashboards/dashboards.yaml", encoding="utf-8"))
dash_dir = prov["providers"][0]["options"]["path"]
gvols = svcs["grafana"]["volumes"]
check(f"./grafana/dashboards:{dash_dir}:ro" in gvols, f"grafana: dashboards not mounted at {dash_dir}")
home = svcs["grafana"]["environment"]["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
check(home == f"{dash_dir}/ledger.json", f"grafana: home dashboard path {home}")
genv = svcs["grafana"]["environment"]
check(str(genv["GF_AUTH_ANONYMOUS_ENABLED"]) == "true" and genv["GF_AUTH_ANONYMOUS_ORG_ROLE"] == "Viewer", "anonymous viewer")

dash = json.load(open("grafana/dashboards/ledger.json", encoding="utf-8"))
check(dash["title"] == "吕梁案件账本 / Lvliang case ledger", "dashboard title")
ids = [p["id"] for p in dash["panels"]]
check(len(ids) == len(set(ids)), "duplicate panel ids")
cells, overlaps = {}, set()
for p in dash["panels"]:
    title = p["title"]
    check(re.search(r"[\u4e00-\u9fff]", title) and re.search(r"\([A-Za-z0-9 ,/.\-]+\)$", title),
          f"panel title not 'Chinese (English)': {title}")
    g = p["gridPos"]
    check(g["x"] + g["w"] <= 24, f"panel {title} wider than the grid")
    for x in range(g["x"], g["x"] + g["w"]):
        for y in range(g["y"], g["y"] + g["h"]):
            if (x, y) in cells and (cells[(x, y)], title) not in overlaps:
                overlaps.add((cells[(x, y)], title))
                errors.append(f"panel {title} overlaps {cells[(x, y)]}")
            cells[(x, y)] = title
    check(p["datasource"]["uid"] in ds_uids, f"panel {title}: unknown datasource")
    for t in p["targets"]:
        check(t["datasource"]["uid"] in ds_uids, f"panel {title}: unknown datasource in target")
for v in dash["templating"]["list"]:
    check(v["datasource"]["uid"] in ds_uids, f"variable {v['name']}: unknown datasource")

# Every PromQL expression of the dashboard (variables replaced by what Grafana
# sends for "All") goes into a throw-away rules file for promtool to parse.
subst = {"$__rate_interval": "1m", "$job": ".*", "$processor": ".*"}
rules = []
for p in dash["panels"]:
    for t in p["targets"]:
        e = t["expr"]
        for k, v in subst.items():
            e = e.replace(k, v)
        check("$" not in e, f"unsubstituted variable in {e}")
        rules.append({"record": f"dashboard:panel{p['id']}:{t['refId']}", "expr": e})
for v in dash["templating"]["list"]:
    m = re.fullmatch(r"label_values\((.*),\s*\w+\)", v["definition"])
    check(m is not None, f"variable {v['name']}: unexpected query {v['definition']}")
    if m:
        e = m.group(1)
        for k, val in subst.items():
            e = e.replace(k, val)
        rules.append({"record": f"dashboard:variable:{v['name']}", "expr": e})
yaml.safe_dump({"groups": [{"name": "dashboard-exprs", "rules": rules}]}, open(out_rules, "w"), allow_unicode=True)

if errors:
    print("FAILED:")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print(f"OK: compose services {sorted(svcs)}; {len(dash['panels'])} panels; "
      f"{len(rules)} dashboard PromQL expressions written for promtool")
PY

step "promtool check rules <every PromQL expression of grafana/dashboards/ledger.json>"
promtool check rules "$tmp/dashboard-exprs.rules.yml"

if docker compose version >/dev/null 2>&1; then
  step "docker compose config --quiet"
  docker compose -f compose.yaml config --quiet && echo "OK"
else
  step "docker compose plugin not installed: compose file checked with PyYAML only"
fi

printf '\nAll checks passed.\n'
