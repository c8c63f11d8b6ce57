#!/usr/bin/env python3
"""A private, throw-away WordPress 6 on 127.0.0.1 for qk3editor's publishing tests.

Uses Debian's ``wordpress`` package (read-only, in /usr/share/wordpress), a private MariaDB
server listening only on a unix socket inside DIR, and PHP's built-in web server
(``php -S 127.0.0.1:PORT``) with a router script so that pretty permalinks work.
Nothing under /etc is touched and no system service is started.

Commands::

    wordpress_env.py install
    wordpress_env.py start --dir DIR --port N [--permalinks pretty|plain]
    wordpress_env.py status --dir DIR
    wordpress_env.py stop --dir DIR

``start`` prints one JSON line (see tools/WORDPRESS.md for the fields) and leaves the two
servers running in the background; ``stop`` ends them.  Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

WP_SRC = Path("/usr/share/wordpress")
DEBIAN_PACKAGES = [
    "wordpress",
    "mariadb-server",
    "php-cli",
    "php-mysql",
    "php-gd",
    "php-mbstring",
    "php-xml",
    "wordpress-theme-twentytwentythree",  # the stock theme (--theme stock)
]
STOCK_THEME = "twentytwentythree"
ADMIN_USER = "qk3admin"
AUTHOR_USER = "qk3author"
DB_NAME = "wordpress"
DB_USER = "wp"
STATE_FILE = "wordpress-env.json"
PRETTY_STRUCTURE = "/%year%/%monthnum%/%day%/%postname%/"
SITE_TIMEZONE = "Asia/Ho_Chi_Minh"
SEED_CATEGORIES = [("thoi-su", "Thời sự"), ("quoc-phong", "Quốc phòng - An ninh")]


class EnvError(RuntimeError):
    """Raised when the environment cannot be installed, started or stopped."""


def log(message: str) -> None:
    print(f"wordpress_env: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- install


def find_binary(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name) or next(
            (str(p) for d in ("/usr/sbin", "/usr/bin") if (p := Path(d, name)).exists()), None
        )
        if found:
            return found
    return None


def missing_parts() -> list[str]:
    """What is missing for `start` to work (empty list: ready)."""
    missing = []
    if not (WP_SRC / "wp-settings.php").exists():
        missing.append("wordpress")
    if not find_binary("mariadbd", "mysqld"):
        missing.append("mariadb-server")
    if not find_binary("mariadb-install-db", "mysql_install_db"):
        missing.append("mariadb-server (mariadb-install-db)")
    php = find_binary("php")
    if not php:
        missing.append("php-cli")
    else:
        mods = subprocess.run([php, "-m"], capture_output=True, text=True).stdout.lower().split()
        for mod, pkg in (("mysqli", "php-mysql"), ("gd", "php-gd")):
            if mod not in mods:
                missing.append(pkg)
    if not (WP_SRC / "wp-content" / "themes" / STOCK_THEME / "theme.json").exists():
        missing.append("wordpress-theme-twentytwentythree")
    return missing


def cmd_install(_args: argparse.Namespace) -> int:
    missing = missing_parts()
    if not missing:
        log("all packages present")
        return 0
    log(f"missing: {', '.join(missing)}; installing {' '.join(DEBIAN_PACKAGES)}")
    if os.geteuid() != 0:
        raise EnvError("installing Debian packages needs root (apt-get)")
    if not shutil.which("apt-get"):
        raise EnvError("apt-get not found: not a Debian-like system")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    # Keep the package scripts from starting the system apache2/mariadb services.
    policy = Path("/usr/sbin/policy-rc.d")
    made_policy = False
    if not policy.exists():
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
        made_policy = True
    try:
        base = ["apt-get", "-q", "-o", "DPkg::Lock::Timeout=600"]
        cmd = [*base, "install", "-y", "--no-install-recommends", *DEBIAN_PACKAGES]
        if subprocess.run(cmd, env=env).returncode != 0:
            subprocess.run([*base, "update"], env=env, check=False)
            if subprocess.run(cmd, env=env).returncode != 0:
                raise EnvError("apt-get install failed")
    finally:
        if made_policy:
            policy.unlink(missing_ok=True)
    still = missing_parts()
    if still:
        raise EnvError(f"still missing after install: {', '.join(still)}")
    return 0


# --------------------------------------------------------------------------- helpers


def php_string(value: str) -> str:
    """A PHP single-quoted string literal."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of ours counts as dead.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def wait_for(predicate, timeout: float, what: str, logfile: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    tail = ""
    if logfile and logfile.exists():
        tail = "\n" + "\n".join(logfile.read_text(errors="replace").splitlines()[-20:])
    raise EnvError(f"timed out waiting for {what}{tail}")


def spawn(cmd: list[str], logfile: Path, env: dict[str, str] | None = None) -> int:
    with open(logfile, "ab") as out:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
    return proc.pid


def socket_path(root: Path) -> Path:
    """The MariaDB socket path; unix socket paths are limited to ~107 bytes."""
    path = root / "mysql.sock"
    if len(str(path).encode()) < 100:
        return path
    short = Path(tempfile.mkdtemp(prefix="qk3wp-"))
    return short / "mysql.sock"


# --------------------------------------------------------------------------- MariaDB


def start_mariadb(root: Path, state: dict) -> None:
    datadir = root / "mysql"
    sock = Path(state["mysql_socket"])
    mlog = root / "mariadb.log"
    as_root = ["--user=root"] if os.geteuid() == 0 else []
    if not (datadir / "mysql").exists():
        datadir.mkdir(parents=True, exist_ok=True)
        install_db = find_binary("mariadb-install-db", "mysql_install_db")
        res = subprocess.run(
            [
                install_db,
                "--no-defaults",
                f"--datadir={datadir}",
                *as_root,
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--skip-name-resolve",
            ],
            capture_output=True,
            text=True,
        )
        if res.returncode != 0:
            raise EnvError(f"mariadb-install-db failed:\n{res.stdout}\n{res.stderr}")
    mariadbd = find_binary("mariadbd", "mysqld")
    pid = spawn(
        [
            mariadbd,
            "--no-defaults",
            f"--datadir={datadir}",
            f"--socket={sock}",
            f"--pid-file={root / 'mariadb.pid'}",
            *as_root,
            "--skip-networking",
            "--skip-name-resolve",
            "--skip-log-bin",
            "--performance-schema=OFF",
            "--innodb-buffer-pool-size=32M",
            "--innodb-log-file-size=16M",
            "--innodb-flush-log-at-trx-commit=0",
            "--innodb-doublewrite=0",
            "--character-set-server=utf8mb4",
            "--collation-server=utf8mb4_unicode_ci",
            f"--log-error={mlog}",
        ],
        root / "mariadb.out",
    )
    state["mariadb_pid"] = pid

    def ready() -> bool:
        if not pid_alive(pid):
            raise EnvError(
                "mariadbd exited:\n" + (mlog.read_text(errors="replace") if mlog.exists() else "")
            )
        if not sock.exists():
            return False
        with socket.socket(socket.AF_UNIX) as s:
            try:
                s.connect(str(sock))
            except OSError:
                return False
        return True

    wait_for(ready, 60, "MariaDB", mlog)


def mysql(state: dict, sql: str) -> None:
    client = find_binary("mariadb", "mysql")
    if not client:
        raise EnvError("mariadb client not found (package mariadb-client)")
    res = subprocess.run(
        [client, "--no-defaults", f"--socket={state['mysql_socket']}", "-uroot"],
        input=sql,
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        raise EnvError(f"SQL failed: {res.stderr.strip()}")


# --------------------------------------------------------------------------- WordPress files


def wp_config(root: Path, state: dict) -> str:
    www = root / "www"
    keys = "\n".join(
        f"define({php_string(k)}, {php_string(secrets.token_urlsafe(48))});"
        for k in (
            "AUTH_KEY",
            "SECURE_AUTH_KEY",
            "LOGGED_IN_KEY",
            "NONCE_KEY",
            "AUTH_SALT",
            "SECURE_AUTH_SALT",
            "LOGGED_IN_SALT",
            "NONCE_SALT",
        )
    )
    return f"""<?php
/* Generated by qk3editor tools/wordpress_env.py: a private test instance. */
define('DB_NAME', {php_string(DB_NAME)});
define('DB_USER', {php_string(DB_USER)});
define('DB_PASSWORD', {php_string(state["db_password"])});
define('DB_HOST', {php_string("localhost:" + state["mysql_socket"])});
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
{keys}
$table_prefix = 'wp_';
if (!defined('ABSPATH')) {{ define('ABSPATH', {php_string(str(www) + "/")}); }}
define('WP_CONTENT_DIR', {php_string(str(www / "wp-content"))});
define('WP_HOME', {php_string(state["url"])});
define('WP_SITEURL', {php_string(state["url"])});
/* Application Passwords on plain http://127.0.0.1 (see also the mu-plugin). */
define('WP_ENVIRONMENT_TYPE', 'local');
/* No outbound HTTP: no cron spawning, no update checks, external hosts blocked. */
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('DISALLOW_FILE_MODS', true);
define('WP_DEFAULT_THEME', {php_string(state.get("theme", "qk3-minimal"))});
define('FS_METHOD', 'direct');
define('WP_DEBUG', false);
require_once ABSPATH . 'wp-settings.php';
"""


ROUTER_PHP = r"""<?php
/* Router for `php -S`: serves static files, runs PHP files, sends everything else to
 * index.php so that pretty permalinks (/wp-json/..., /2024/01/02/slug/) work.
 * ABSPATH is defined here because the Debian files are symlinks: PHP resolves __DIR__
 * to /usr/share/wordpress, whose wp-config.php is Debian's, not ours. */
define('ABSPATH', __ABSPATH__);
$root = rtrim(ABSPATH, '/');
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (strpos($path, '..') !== false || strpos($path, "\0") !== false) {
    http_response_code(400);
    return true;
}
$file = $root . $path;
if (is_dir($file) && is_file(rtrim($file, '/') . '/index.php')) {
    if (substr($path, -1) !== '/') {
        header('Location: ' . $path . '/', true, 301);
        return true;
    }
    $path = rtrim($path, '/') . '/index.php';
    $file = $root . $path;
}
if (!is_file($file)) {
    $path = '/index.php';
    $file = $root . $path;
} elseif (substr($file, -4) !== '.php') {
    return false; /* static file: let the built-in server send it */
}
$_SERVER['SCRIPT_NAME'] = $path;
$_SERVER['PHP_SELF'] = $path;
$_SERVER['SCRIPT_FILENAME'] = $file;
chdir(dirname($file));
require $file;
"""

MU_PLUGIN_PHP = r"""<?php
/**
 * Plugin Name: qk3editor test environment
 * Description: Settings for the qk3editor publishing tests (tools/WORDPRESS.md).
 */

/* 1. Application Passwords over plain http on 127.0.0.1 (WordPress only offers them on
 *    HTTPS or in a 'local' environment). */
add_filter('wp_is_application_passwords_available', '__return_true');

/* 2. No outbound HTTP except to the loopback. */
add_filter('pre_http_request', function ($pre, $args, $url) {
    $host = wp_parse_url($url, PHP_URL_HOST);
    if (in_array($host, array('127.0.0.1', 'localhost', '::1'), true)) {
        return $pre;
    }
    return new WP_Error('qk3_http_blocked', 'Outbound HTTP is disabled in the test environment.');
}, 10, 3);

/* 3. The article's UUID as post meta `qk3_uuid`, readable and writable through REST
 *    ("meta": {"qk3_uuid": "..."}), for posts and media. */
add_action('init', function () {
    foreach (array('post', 'attachment') as $type) {
        register_post_meta($type, 'qk3_uuid', array(
            'type' => 'string',
            'single' => true,
            'show_in_rest' => true,
            'auth_callback' => function () { return current_user_can('edit_posts'); },
        ));
    }
});

/* 4. Find posts/media by that UUID: GET /wp/v2/posts?qk3_uuid=UUID (combine with
 *    status=any&context=edit to see drafts, pending and scheduled posts too). */
foreach (array('post', 'attachment') as $qk3_type) {
    add_filter("rest_{$qk3_type}_collection_params", function ($params) {
        $params['qk3_uuid'] = array(
            'description' => 'Limit the result to items whose qk3_uuid meta equals this value.',
            'type' => 'string',
        );
        return $params;
    });
    add_filter("rest_{$qk3_type}_query", function ($args, $request) {
        $uuid = $request->get_param('qk3_uuid');
        if (is_string($uuid) && $uuid !== '') {
            $args['meta_query'] = array(array('key' => 'qk3_uuid', 'value' => $uuid));
        }
        return $args;
    }, 10, 2);
}
"""

THEME_STYLE = """/*
Theme Name: qk3 minimal
Description: Bare theme for qk3editor tests: prints the title and content of posts.
Version: 1.0
*/
"""

THEME_INDEX = r"""<!DOCTYPE html>
<html <?php language_attributes(); ?>><head><meta charset="utf-8">
<title><?php echo esc_html(wp_get_document_title()); ?></title><?php wp_head(); ?></head>
<body><?php while (have_posts()) : the_post(); ?>
<article id="post-<?php the_ID(); ?>"><h1 class="entry-title"><?php the_title(); ?></h1>
<div class="entry-content"><?php the_content(); ?></div></article>
<?php endwhile; ?></body></html>
"""

INSTALL_PHP = r"""<?php
/* Run by wordpress_env.py with php-cli: installs WordPress non-interactively. */
$cfg = json_decode(file_get_contents($argv[1]), true);
define('ABSPATH', $cfg['abspath']);
define('WP_INSTALLING', true);
$u = parse_url($cfg['url']);
$_SERVER['HTTP_HOST'] = $u['host'] . ':' . $u['port'];
$_SERVER['SERVER_NAME'] = $u['host'];
$_SERVER['SERVER_PORT'] = $u['port'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-includes/class-wp-application-passwords.php';

if (!is_blog_installed()) {
    $r = wp_install('QK3 test portal', $cfg['admin_user'], 'admin@example.invalid', true, '',
        wp_slash($cfg['admin_password']), 'en_US');
    if (is_wp_error($r)) { fwrite(STDERR, $r->get_error_message()); exit(2); }
    /* An empty site: no "Hello world!" post, sample page or privacy page. */
    foreach (get_posts(array('post_type' => 'any', 'post_status' => 'any',
                             'numberposts' => -1)) as $p) {
        wp_delete_post($p->ID, true);
    }
    wp_delete_comment(1, true);
}
update_option('template', $cfg['theme']);
update_option('stylesheet', $cfg['theme']);
update_option('timezone_string', $cfg['timezone']);
update_option('gmt_offset', '');
update_option('blogdescription', '');
update_option('permalink_structure', $cfg['permalink_structure']);
update_option('uploads_use_yearmonth_folders', 1);
flush_rewrite_rules(false);

$admin = get_user_by('login', $cfg['admin_user']);
wp_set_password($cfg['admin_password'], $admin->ID); /* a restart gets fresh secrets */
$author_id = username_exists($cfg['author_user']);
if ($author_id) {
    wp_set_password($cfg['author_password'], $author_id);
} else {
    $author_id = wp_insert_user(array(
        'user_login' => $cfg['author_user'], 'user_pass' => $cfg['author_password'],
        'user_email' => 'author@example.invalid', 'role' => 'author',
        'display_name' => 'Phóng viên QK3'));
    if (is_wp_error($author_id)) { fwrite(STDERR, $author_id->get_error_message()); exit(2); }
}
foreach ($cfg['categories'] as $cat) {
    if (!term_exists($cat[0], 'category')) {
        wp_insert_term($cat[1], 'category', array('slug' => $cat[0]));
    }
}
$out = array();
foreach (array('admin' => $admin->ID, 'author' => $author_id) as $who => $uid) {
    $made = WP_Application_Passwords::create_new_application_password($uid,
        array('name' => 'qk3editor tests ' . $who . ' ' . wp_generate_password(8, false)));
    if (is_wp_error($made)) { fwrite(STDERR, $made->get_error_message()); exit(2); }
    $out[$who] = $made[0];
}
$out['wordpress_version'] = get_bloginfo('version');
echo json_encode($out), "\n";
"""


def lay_out_files(root: Path, state: dict) -> None:
    www = root / "www"
    www.mkdir(parents=True, exist_ok=True)
    for entry in WP_SRC.iterdir():
        if entry.name in ("wp-config.php", "wp-content"):
            continue
        link = www / entry.name
        if not link.is_symlink() and not link.exists():
            link.symlink_to(entry)
    content = www / "wp-content"
    for sub in ("mu-plugins", "plugins", "themes/qk3-minimal", "uploads", "languages"):
        (content / sub).mkdir(parents=True, exist_ok=True)
    (content / "index.php").write_text("<?php\n")
    (content / "mu-plugins" / "qk3-test-env.php").write_text(MU_PLUGIN_PHP)
    (content / "themes" / "qk3-minimal" / "style.css").write_text(THEME_STYLE)
    (content / "themes" / "qk3-minimal" / "index.php").write_text(THEME_INDEX)
    stock = WP_SRC / "wp-content" / "themes" / STOCK_THEME
    link = content / "themes" / STOCK_THEME
    if stock.is_dir() and not link.is_symlink() and not link.exists():
        link.symlink_to(stock)
    (www / "wp-config.php").write_text(wp_config(root, state))
    router = ROUTER_PHP.replace("__ABSPATH__", php_string(str(www) + "/"))
    (root / "router.php").write_text(router)
    (root / "install.php").write_text(INSTALL_PHP)


def install_wordpress(root: Path, state: dict, structure: str) -> dict:
    cfg = root / "install.json"
    cfg.write_text(
        json.dumps(
            {
                "abspath": str(root / "www") + "/",
                "url": state["url"],
                "admin_user": ADMIN_USER,
                "admin_password": state["admin_password"],
                "author_user": AUTHOR_USER,
                "author_password": state["author_password"],
                "timezone": SITE_TIMEZONE,
                "permalink_structure": structure,
                "categories": SEED_CATEGORIES,
                "theme": state.get("theme", "qk3-minimal"),
            }
        )
    )
    cfg.chmod(0o600)
    res = subprocess.run(
        [find_binary("php"), *php_ini(root), str(root / "install.php"), str(cfg)],
        capture_output=True,
        text=True,
        cwd=root / "www",
    )
    cfg.unlink()
    if res.returncode != 0:
        raise EnvError(f"WordPress install failed:\n{res.stdout[-2000:]}\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


PHP_INI = [
    "-d",
    "upload_max_filesize=64M",
    "-d",
    "post_max_size=64M",
    "-d",
    "memory_limit=256M",
    "-d",
    "display_errors=Off",
    "-d",
    "log_errors=On",
    "-d",
    "error_reporting=E_ALL & ~E_DEPRECATED & ~E_STRICT",
]


def php_ini(root: Path) -> list[str]:
    return [*PHP_INI, "-d", f"error_log={root / 'php-errors.log'}"]


# --------------------------------------------------------------------------- start / stop


def api_root_from_link(values: list[str]) -> str:
    """The REST API root advertised by `Link: <URL>; rel="https://api.w.org/"`."""
    for value in values:
        for part in value.split(","):
            target, _, params = part.partition(";")
            if 'rel="https://api.w.org/"' in params.replace(" ", ""):
                return target.strip().strip("<>")
    return ""


def cmd_start(args: argparse.Namespace) -> int:
    root = Path(args.dir).resolve()
    root.mkdir(parents=True, exist_ok=True)
    state_path = root / STATE_FILE
    if state_path.exists():
        old = json.loads(state_path.read_text())
        if any(pid_alive(old.get(k, 0) or 0) for k in ("php_pid", "mariadb_pid")):
            raise EnvError(f"an instance is already running in {root}; stop it first")
    missing = missing_parts()
    if missing:
        raise EnvError(f"missing packages: {', '.join(missing)} (run: wordpress_env.py install)")
    port = args.port
    if not port_is_free(port):
        raise EnvError(f"port {port} on 127.0.0.1 is in use")
    t0 = time.monotonic()
    url = f"http://127.0.0.1:{port}"
    state = {
        "url": url,
        "port": port,
        "dir": str(root),
        "permalinks": args.permalinks,
        "theme": STOCK_THEME if args.theme == "stock" else "qk3-minimal",
        "mysql_socket": str(socket_path(root)),
        "db_password": secrets.token_hex(16),
        "admin_password": secrets.token_urlsafe(18),
        "author_password": secrets.token_urlsafe(18),
    }
    try:
        start_mariadb(root, state)
        state_path.write_text(json.dumps(state))
        mysql(
            state,
            f"CREATE DATABASE IF NOT EXISTS {DB_NAME} CHARACTER SET utf8mb4 "
            "COLLATE utf8mb4_unicode_ci;\n"
            f"CREATE OR REPLACE USER '{DB_USER}'@'localhost' "
            f"IDENTIFIED BY '{state['db_password']}';\n"
            f"GRANT ALL ON {DB_NAME}.* TO '{DB_USER}'@'localhost';\n",
        )
        t_db = time.monotonic()
        lay_out_files(root, state)
        structure = PRETTY_STRUCTURE if args.permalinks == "pretty" else ""
        made = install_wordpress(root, state, structure)
        t_wp = time.monotonic()
        env = dict(os.environ, PHP_CLI_SERVER_WORKERS=str(args.workers))
        state["php_pid"] = spawn(
            [
                find_binary("php"),
                *php_ini(root),
                "-S",
                f"127.0.0.1:{port}",
                "-t",
                str(root / "www"),
                str(root / "router.php"),
            ],
            root / "php-server.log",
            env=env,
        )
        state_path.write_text(json.dumps(state))

        found: dict[str, str] = {}

        def http_ready() -> bool:
            if not pid_alive(state["php_pid"]):
                raise EnvError(
                    "php -S exited:\n" + (root / "php-server.log").read_text(errors="replace")
                )
            try:
                with urllib.request.urlopen(url + "/", timeout=5) as resp:
                    found["api_root"] = api_root_from_link(resp.headers.get_all("Link") or [])
                    return resp.status == 200
            except (urllib.error.URLError, OSError):
                return False

        wait_for(http_ready, 60, "php -S", root / "php-server.log")
        api_root = found["api_root"]
        if not api_root:
            raise EnvError("the home page has no Link rel=https://api.w.org/ header")
    except BaseException:
        stop(root)
        raise
    info = {
        "url": url,
        "api_root": api_root,
        "user": ADMIN_USER,
        "app_password": made["admin"],
        "admin_password": state["admin_password"],
        "author_user": AUTHOR_USER,
        "author_app_password": made["author"],
        "permalinks": args.permalinks,
        "timezone": SITE_TIMEZONE,
        "wordpress_version": made["wordpress_version"],
        "dir": str(root),
        "port": port,
        "seconds": {
            "mariadb": round(t_db - t0, 2),
            "wordpress_install": round(t_wp - t_db, 2),
            "total": round(time.monotonic() - t0, 2),
        },
    }
    state["info"] = info
    state_path.write_text(json.dumps(state))
    state_path.chmod(0o600)
    print(json.dumps(info, ensure_ascii=False), flush=True)
    return 0


def terminate(pid: int, timeout: float) -> None:
    if not pid or not pid_alive(pid):
        return
    try:
        os.killpg(pid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return
        time.sleep(0.05)
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def stop(root: Path) -> bool:
    state_path = root / STATE_FILE
    if not state_path.exists():
        return False
    state = json.loads(state_path.read_text())
    terminate(state.get("php_pid", 0), 10)
    terminate(state.get("mariadb_pid", 0), 30)
    sock = Path(state.get("mysql_socket", ""))
    if sock.parent.name.startswith("qk3wp-") and sock.parent != root:
        shutil.rmtree(sock.parent, ignore_errors=True)
    state.pop("php_pid", None)
    state.pop("mariadb_pid", None)
    state_path.write_text(json.dumps(state))
    return True


def cmd_stop(args: argparse.Namespace) -> int:
    root = Path(args.dir).resolve()
    if not stop(root):
        log(f"nothing to stop in {root}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    root = Path(args.dir).resolve()
    state_path = root / STATE_FILE
    if not state_path.exists():
        print(json.dumps({"running": False}))
        return 1
    state = json.loads(state_path.read_text())
    running = all(pid_alive(state.get(k, 0) or 0) for k in ("php_pid", "mariadb_pid"))
    print(json.dumps({"running": running, **state.get("info", {})}, ensure_ascii=False))
    return 0 if running else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("install", help="apt-get install the Debian packages if missing")
    p.set_defaults(func=cmd_install)
    p = sub.add_parser("start", help="start a private WordPress; prints one JSON line")
    p.add_argument("--dir", required=True, help="state directory (created)")
    p.add_argument("--port", type=int, required=True, help="port on 127.0.0.1")
    p.add_argument("--permalinks", choices=("pretty", "plain"), default="pretty")
    p.add_argument("--workers", type=int, default=4, help="php -S worker processes")
    p.add_argument(
        "--theme",
        choices=("minimal", "stock"),
        default="minimal",
        help="minimal: bare test theme; stock: Twenty Twenty-Three (what a new site shows)",
    )
    p.set_defaults(func=cmd_start)
    p = sub.add_parser("status", help="print the instance's JSON; exit 1 if not running")
    p.add_argument("--dir", required=True)
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("stop", help="stop the instance started in DIR")
    p.add_argument("--dir", required=True)
    p.set_defaults(func=cmd_stop)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except EnvError as exc:
        log(f"error: {exc}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
