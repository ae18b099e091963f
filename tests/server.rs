//! The language server, driven in-process by a scripted client over
//! `Connection::memory()`: diagnostics of the buffer (not the file on
//! disk), ranges in UTF-16 or UTF-32, hover docs, the suppress edit, the
//! nearest storyline.toml and its changes.

use std::path::Path;
use std::thread::JoinHandle;
use std::time::Duration;

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{Value, json};

const RESUME: &str = "# Zoë Quill\n\nML Engineer\n\n## Experience\n\n### ML Engineer, Brightwater Labs (2021 – Present)\n\n- Helped the search team adopt the embedding service\n- Shipped the café 😀 app to many users across the region\n- Cut inference latency by 40% for 12 ranking models\n";

struct Client {
    conn: Connection,
    server: Option<JoinHandle<()>>,
    next: i32,
}

impl Client {
    /// Starts a server and does the handshake; `capabilities` are the
    /// client's.
    fn start(capabilities: Value) -> Client {
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || {
            storyline::server::serve(&server).expect("the server ends cleanly");
        });
        let mut c = Client {
            conn: client,
            server: Some(handle),
            next: 0,
        };
        let init = c.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities }),
        );
        assert!(init["capabilities"]["hoverProvider"].as_bool().unwrap());
        c.notify("initialized", json!({}));
        c
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Notification::new(method.into(), params).into())
            .unwrap();
    }

    /// Sends a request and returns its result; notifications that come
    /// before the answer are dropped.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = RequestId::from(self.next);
        self.conn
            .sender
            .send(Request::new(id.clone(), method.into(), params).into())
            .unwrap();
        loop {
            match self.recv() {
                Message::Response(Response {
                    id: got,
                    response_result,
                }) if got == id => {
                    return response_result.unwrap_or_else(|e| panic!("{method}: {e:?}"));
                }
                _ => {}
            }
        }
    }

    fn recv(&self) -> Message {
        self.conn
            .receiver
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers")
    }

    /// The next diagnostics published (other messages are dropped).
    fn diagnostics(&self) -> Value {
        loop {
            if let Message::Notification(n) = self.recv()
                && n.method == "textDocument/publishDiagnostics"
            {
                return n.params;
            }
        }
    }

    /// The next message the server sends, if one comes soon.
    fn quiet(&self) -> Option<Message> {
        self.conn
            .receiver
            .recv_timeout(Duration::from_millis(300))
            .ok()
    }

    fn open(&self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": language, "version": 1, "text": text } }),
        );
    }

    fn change(&self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version },
                    "contentChanges": [{ "text": text }] }),
        );
    }

    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap();
    }
}

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display()).replace(' ', "%20")
}

/// A folder with a config fixing "today" (the rules measure recency from
/// it) and a resume path in it.
fn workspace() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("storyline.toml"), "today = \"2026-06\"\n").unwrap();
    let path = dir.path().join("my resume.md");
    // On disk: something else. The buffer is what is linted.
    std::fs::write(&path, "# Nobody\n").unwrap();
    (dir, uri_of(&path))
}

/// Code, range and severity of each published diagnostic, one a line.
fn summary(params: &Value) -> String {
    params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let r = &d["range"];
            format!(
                "{} {}:{}-{}:{} sev={} {}",
                d["code"].as_str().unwrap(),
                r["start"]["line"],
                r["start"]["character"],
                r["end"]["line"],
                r["end"]["character"],
                d["severity"],
                d["message"].as_str().unwrap()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn find<'a>(params: &'a Value, code: &str) -> &'a Value {
    params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {params}"))
}

#[test]
fn buffer_findings_with_utf16_ranges_hover_and_suppress() {
    let (_dir, uri) = workspace();
    let mut c = Client::start(json!({}));
    c.open(&uri, "markdown", RESUME);
    let published = c.diagnostics();
    assert_eq!(published["uri"], uri);
    assert_eq!(published["version"], 1);
    insta::assert_snapshot!("markdown_diagnostics", summary(&published));

    // "many" stands after "é" (one unit) and "😀" (two UTF-16 units, one
    // char): its range counts UTF-16 units.
    let line = RESUME.lines().nth(9).unwrap();
    let many = line.find("many").unwrap();
    let utf16 = line[..many].encode_utf16().count();
    assert_ne!(utf16, line[..many].chars().count());
    let vague = find(&published, "M003");
    assert_eq!(
        vague["range"]["start"],
        json!({ "line": 9, "character": utf16 })
    );
    assert_eq!(
        vague["range"]["end"],
        json!({ "line": 9, "character": utf16 + "many".len() })
    );
    assert!(
        vague["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );

    // Hover on the finding: the rule's documentation.
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri },
                "position": { "line": 9, "character": utf16 + 1 } }),
    );
    let docs = storyline::rules::find("M003").unwrap().docs.trim();
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains(docs), "{value}");
    // Nowhere near a finding: no hover.
    let none = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 1, "character": 0 } }),
    );
    assert_eq!(none, Value::Null);

    // The weak opener on line 8: a comment above it, with a reason.
    let weak = find(&published, "O001").clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": weak["range"],
                "context": { "diagnostics": [weak] } }),
    );
    let action = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("O001"))
        .expect("a suppress action for O001");
    let edits = &action["edit"]["changes"][&uri];
    assert_eq!(
        edits,
        &json!([{ "range": { "start": { "line": 8, "character": 0 },
                              "end": { "line": 8, "character": 0 } },
                   "newText": "<!-- storyline-disable-next-line O001 -- reason -->\n" }])
    );

    // The edit applied: the finding is gone.
    let mut lines: Vec<&str> = RESUME.lines().collect();
    lines.insert(8, "<!-- storyline-disable-next-line O001 -- reason -->");
    c.change(&uri, 2, &(lines.join("\n") + "\n"));
    let after = c.diagnostics();
    assert_eq!(after["version"], 2);
    let codes: Vec<&str> = after["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"O001"), "{codes:?}");
    // Hover on the code in the comment: its documentation.
    let on_code = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri },
                "position": { "line": 8, "character": 34 } }),
    );
    let docs = storyline::rules::find("O001").unwrap().docs.trim();
    assert!(
        on_code["contents"]["value"]
            .as_str()
            .unwrap()
            .contains(docs),
        "{on_code}"
    );

    // Closing clears them.
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    let cleared = c.diagnostics();
    assert_eq!(cleared["diagnostics"], json!([]));
    c.shutdown();
}

#[test]
fn utf32_when_the_client_offers_it() {
    let (_dir, uri) = workspace();
    let c = Client::start(json!({ "general": { "positionEncodings": ["utf-32", "utf-16"] } }));
    c.open(&uri, "markdown", RESUME);
    let published = c.diagnostics();
    let line = RESUME.lines().nth(9).unwrap();
    let chars = line[..line.find("many").unwrap()].chars().count();
    assert_eq!(
        find(&published, "M003")["range"]["start"],
        json!({ "line": 9, "character": chars })
    );
    c.shutdown();
}

#[test]
fn only_the_latest_version_is_linted() {
    let (_dir, uri) = workspace();
    let c = Client::start(json!({}));
    // Sent together: the server sees them queued and lints version 20 only.
    c.open(&uri, "markdown", RESUME);
    for v in 2..20 {
        let n = RESUME.chars().count() * v as usize / 20;
        c.change(&uri, v, &RESUME.chars().take(n).collect::<String>());
    }
    c.change(&uri, 20, RESUME);
    let first = c.diagnostics();
    // A batch may be split by timing; whatever comes first, the last
    // published is version 3, and no version is published twice.
    let mut versions = vec![first["version"].as_i64().unwrap()];
    while let Some(Message::Notification(n)) = c.quiet() {
        versions.push(n.params["version"].as_i64().unwrap());
    }
    assert_eq!(versions.last(), Some(&20), "{versions:?}");
    // Stale versions are skipped: far fewer lints than versions.
    assert!(versions.len() < 10, "{versions:?}");
    let mut dedup = versions.clone();
    dedup.dedup();
    assert_eq!(dedup, versions);
    c.shutdown();
}

#[test]
fn latex_json_and_text_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("storyline.toml"), "today = \"2026-06\"\n").unwrap();
    let tex = "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n\\textbf{ML Engineer}, Brightwater Labs \\hfill 2021 -- Present\n\\begin{itemize}\n  \\item Helped the search team adopt the embedding service\n\\end{itemize}\n\\end{document}\n";
    let uri = uri_of(&dir.path().join("cv.tex"));
    let mut c = Client::start(json!({}));
    c.open(&uri, "latex", tex);
    let published = c.diagnostics();
    insta::assert_snapshot!("latex_diagnostics", summary(&published));
    let weak = find(&published, "O001").clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": weak["range"],
                "context": { "diagnostics": [weak] } }),
    );
    let text = actions.to_string();
    assert!(
        text.contains("  % storyline-disable-next-line O001 -- reason\\n"),
        "{text}"
    );

    let json_uri = uri_of(&dir.path().join("resume.json"));
    let resume = json!({ "basics": { "name": "Zoë Quill", "label": "ML Engineer" },
        "work": [{ "name": "Brightwater Labs", "position": "ML Engineer", "startDate": "2021-01",
                   "highlights": ["Helped the search team adopt the embedding service"] }] });
    c.open(&json_uri, "json", &resume.to_string());
    let published = c.diagnostics();
    let weak = find(&published, "O001").clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": json_uri }, "range": weak["range"],
                "context": { "diagnostics": [weak] } }),
    );
    assert_eq!(actions, json!([]));

    // Plain text, and a buffer never saved (linted with the defaults).
    let text = RESUME
        .replace("### ", "")
        .replace("## ", "")
        .replace("# ", "");
    c.open(&uri_of(&dir.path().join("cv.txt")), "plaintext", &text);
    assert!(c.diagnostics().to_string().contains("O001"));
    c.open("untitled:Untitled-1", "markdown", RESUME);
    let unsaved = c.diagnostics();
    assert_eq!(unsaved["uri"], "untitled:Untitled-1");
    assert!(unsaved.to_string().contains("O001"), "{unsaved}");
    c.shutdown();
}

#[test]
fn the_nearest_config_applies_and_is_reread_when_it_changes() {
    let (dir, uri) = workspace();
    let mut c = Client::start(json!({
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }));
    // The server asks to watch config files.
    let registration = loop {
        if let Message::Request(r) = c.recv() {
            break r;
        }
    };
    assert_eq!(registration.method, "client/registerCapability");
    assert!(
        registration
            .params
            .to_string()
            .contains("**/storyline.toml")
    );
    c.conn
        .sender
        .send(Response::new_ok(registration.id, Value::Null).into())
        .unwrap();

    c.open(&uri, "markdown", RESUME);
    assert!(c.diagnostics().to_string().contains("O001"));

    let config = dir.path().join("storyline.toml");
    std::fs::write(&config, "today = \"2026-06\"\nignore = [\"O001\"]\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri_of(&config), "type": 2 }] }),
    );
    let after = c.diagnostics();
    assert!(!after.to_string().contains("O001"), "{after}");
    assert!(after.to_string().contains("M003"), "{after}");

    // A broken config: said once, and the defaults lint meanwhile.
    std::fs::write(&config, "colour = \"blue\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri_of(&config), "type": 2 }] }),
    );
    let said = loop {
        if let Message::Notification(n) = c.recv()
            && n.method == "window/showMessage"
        {
            break n.params;
        }
    };
    assert!(said.to_string().contains("colour"), "{said}");
    assert!(c.diagnostics().to_string().contains("O001"));
    let _ = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri },
        "position": { "line": 0, "character": 0 } }),
    );
    c.shutdown();
}

#[test]
fn a_client_that_goes_away_after_shutdown_ends_the_server() {
    let mut c = Client::start(json!({}));
    c.request("shutdown", Value::Null);
    let server = c.server.take().unwrap();
    drop(c);
    server.join().unwrap();
}

/// The real binary over standard input and output, as an editor runs it.
#[test]
fn the_binary_serves_over_stdio() {
    use std::io::{BufReader, Write};
    use std::process::{Command, Stdio};
    let (_dir, uri) = workspace();
    let mut child = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let messages: Vec<Message> = vec![
        Request::new(
            RequestId::from(1),
            "initialize".into(),
            json!({ "processId": null, "rootUri": null, "capabilities": {} }),
        )
        .into(),
        Notification::new("initialized".into(), json!({})).into(),
        Notification::new(
            "textDocument/didOpen".into(),
            json!({ "textDocument": {
                "uri": uri, "languageId": "markdown", "version": 1, "text": RESUME } }),
        )
        .into(),
    ];
    for m in messages {
        m.write(&mut stdin).unwrap();
    }
    stdin.flush().unwrap();
    let published = loop {
        match Message::read(&mut stdout).unwrap() {
            Some(Message::Notification(n)) if n.method == "textDocument/publishDiagnostics" => {
                break n.params;
            }
            Some(_) => {}
            None => panic!("the server closed its output"),
        }
    };
    assert_eq!(summary(&published), summary_of_memory_run(&uri));
    Message::from(Request::new(
        RequestId::from(2),
        "shutdown".into(),
        Value::Null,
    ))
    .write(&mut stdin)
    .unwrap();
    Message::from(Notification::new("exit".into(), Value::Null))
        .write(&mut stdin)
        .unwrap();
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

fn summary_of_memory_run(uri: &str) -> String {
    let c = Client::start(json!({}));
    c.open(uri, "markdown", RESUME);
    let s = summary(&c.diagnostics());
    c.shutdown();
    s
}

/// `profiles` in the config: the buffer is cross-checked with the LinkedIn
/// export, the conflict pointing at the export's line.
#[test]
fn config_profiles_cross_check_the_buffer() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/linkedin");
    let export = dir.path().join("export");
    std::fs::create_dir(&export).unwrap();
    for f in ["Positions.csv", "Profile.csv", "Skills.csv"] {
        std::fs::copy(fixtures.join("export").join(f), export.join(f)).unwrap();
    }
    std::fs::write(
        dir.path().join("storyline.toml"),
        "today = \"2026-06\"\nprofiles = [\"export\"]\n",
    )
    .unwrap();
    let resume = std::fs::read_to_string(fixtures.join("resume.md")).unwrap();
    let uri = uri_of(&dir.path().join("resume.md"));
    let c = Client::start(json!({}));
    // As on LinkedIn: no conflict.
    c.open(&uri, "markdown", &resume);
    assert!(!c.diagnostics().to_string().contains("C002"));
    // The buffer now starts a role earlier than LinkedIn says.
    let edited = resume.replace("Fabrikam (Jan 2016", "Fabrikam (Jan 2014");
    c.change(&uri, 2, &edited);
    let published = c.diagnostics();
    let conflict = find(&published, "C002");
    let line = edited.lines().position(|l| l.contains("Fabrikam")).unwrap();
    assert_eq!(conflict["range"]["start"]["line"], line);
    let related = &conflict["relatedInformation"][0]["location"];
    assert!(
        related["uri"]
            .as_str()
            .unwrap()
            .ends_with("/export/Positions.csv"),
        "{related}"
    );
    assert_eq!(related["range"]["start"]["line"], 5);
    c.shutdown();
}

#[test]
fn a_buffer_over_the_size_limit_is_said_not_linted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("storyline.toml"),
        "today = \"2026-06\"\nmax-file-size = 100\n",
    )
    .unwrap();
    let uri = uri_of(&dir.path().join("cv.md"));
    let c = Client::start(json!({}));
    c.open(&uri, "markdown", RESUME);
    let published = c.diagnostics();
    let all = published["diagnostics"].as_array().unwrap();
    assert_eq!(all.len(), 1, "{published}");
    assert!(all[0]["message"].as_str().unwrap().contains("not linted"));
    c.shutdown();
}

/// Typing: a change every few milliseconds is linted at the pause, not
/// once per key.
#[test]
fn changes_in_quick_succession_are_linted_once_they_pause() {
    let (_dir, uri) = workspace();
    let c = Client::start(json!({}));
    c.open(&uri, "markdown", RESUME);
    c.diagnostics();
    for v in 2..=12 {
        c.change(&uri, v, &format!("{RESUME}\n- Shipped release {v}\n"));
        std::thread::sleep(Duration::from_millis(10));
    }
    let mut versions = vec![c.diagnostics()["version"].as_i64().unwrap()];
    while let Some(Message::Notification(n)) = c.quiet() {
        versions.push(n.params["version"].as_i64().unwrap());
    }
    assert_eq!(versions.last(), Some(&12), "{versions:?}");
    // A loaded machine may split the run of changes; never one per key.
    assert!(versions.len() <= 4, "{versions:?}");
    c.shutdown();
}

#[test]
fn suggested_edits_are_quick_fixes_with_the_safe_one_preferred() {
    let (_dir, uri) = workspace();
    let mut c = Client::start(json!({}));
    // "Zoë" and "café" before the edits: ranges in UTF-16 units.
    let text = "# Zoë Quill\n\nML Engineer\n\n## Experience\n\n### ML Engineer, Brightwater Labs (2021 – 2024)\n\n- Responsible for maintaining the café 😀 app for 3 regions\n- Helped migrate the feature store to Spark\n";
    c.open(&uri, "markdown", text);
    let published = c.diagnostics();
    let actions_for = |c: &mut Client, d: &Value| {
        c.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": d["range"],
                    "context": { "diagnostics": [d] } }),
        )
    };
    let weak: Vec<Value> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "O001")
        .cloned()
        .collect();
    assert_eq!(weak.len(), 2, "{published}");

    // The safe rewrite: preferred, a quick fix, the edit in place.
    let actions = actions_for(&mut c, &weak[0]);
    let list = actions.as_array().unwrap();
    let fix = &list[0];
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert!(
        fix["title"].as_str().unwrap().contains("\"Maintained\""),
        "{fix}"
    );
    assert_eq!(
        fix["edit"]["changes"][&uri],
        json!([{ "range": { "start": { "line": 8, "character": 2 },
                            "end": { "line": 8, "character": 29 } },
                 "newText": "Maintained" }])
    );
    // Beside it, still: suppress with a reason.
    assert!(
        list.iter()
            .any(|a| a["title"].as_str().unwrap().starts_with("Suppress O001")),
        "{actions}"
    );

    // "Helped": three choices by ownership, none preferred.
    let actions = actions_for(&mut c, &weak[1]);
    let fixes: Vec<&Value> = actions
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| !a["title"].as_str().unwrap().starts_with("Suppress"))
        .collect();
    let new_texts: Vec<&str> = fixes
        .iter()
        .map(|a| a["edit"]["changes"][&uri][0]["newText"].as_str().unwrap())
        .collect();
    assert_eq!(
        new_texts,
        ["Migrated", "Jointly migrated", "Led the work to migrate"]
    );
    assert!(fixes.iter().all(|a| a.get("isPreferred").is_none()));

    // The preferred edit applied: the finding is gone, nothing new to fix.
    let fixed = text.replace("Responsible for maintaining", "Maintained");
    c.change(&uri, 2, &fixed);
    let after = c.diagnostics();
    let weak_after = after["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "O001")
        .count();
    assert_eq!(weak_after, 1, "{after}");
    c.shutdown();
}
