//! `storyline server`: a language server over standard input and output.
//! It lints the editor's buffer (not the file on disk) on open and on each
//! change, answers hovers on findings with the rule's documentation, and
//! offers to suppress a finding with a comment giving the reason.
//!
//! Synchronous: a message loop on one thread. Changes are applied as they
//! come and a document is linted once they pause (50 ms, at most 300 ms
//! late), at its latest version: typing sends a change per key, and
//! linting each would fall behind.

pub mod convert;
pub mod profile;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Exit, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, HoverRequest, RegisterCapability, Request as _, Shutdown,
};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, FileSystemWatcher, GlobPattern, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, MarkupContent, MarkupKind, MessageType,
    NumberOrString, Position, PositionEncodingKind, PublishDiagnosticsParams, Range, Registration,
    RegistrationParams, ServerCapabilities, ShowMessageParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextEdit, Uri, WorkspaceEdit,
};

use crate::lexicon::Lexicon;
use crate::lint::{Suppressions, lint_text};
use crate::rules::{self, Context};
use convert::{Encoding, Lines};
use profile::Profiles;

type Error = Box<dyn std::error::Error + Send + Sync>;

/// How long the changes must pause before a changed document is linted.
const PAUSE: Duration = Duration::from_millis(50);
/// The longest a changed document waits while changes keep coming.
const MAX_WAIT: Duration = Duration::from_millis(300);

/// Serves over standard input and output until the client says exit.
pub fn run_stdio() -> Result<(), Error> {
    let (connection, io) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    // A client that closed its end first (an editor quitting) leaves the
    // writer a broken pipe: nothing is lost by then.
    let _ = io.join();
    Ok(())
}

/// One open document.
struct Doc {
    text: String,
    version: i32,
    format: Option<&'static str>,
    path: Option<PathBuf>,
    /// Changed since it was last linted.
    stale: bool,
    /// What was last published for it.
    published: Vec<lsp_types::Diagnostic>,
    /// The suggested edits of each published finding (same order).
    fixes: Vec<Vec<crate::diagnostic::Fix>>,
}

struct Server<'c> {
    conn: &'c Connection,
    encoding: Encoding,
    lexicon: std::sync::Arc<Lexicon>,
    docs: HashMap<Uri, Doc>,
    profiles: Profiles,
    /// Config errors already shown (not again on every keystroke).
    shown: HashSet<String>,
    next_id: i32,
}

/// The initialize handshake, then the message loop.
pub fn serve(conn: &Connection) -> Result<(), Error> {
    let (id, params) = conn.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let offers_utf32 = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&PositionEncodingKind::UTF32));
    let encoding = if offers_utf32 {
        Encoding::Utf32
    } else {
        Encoding::Utf16
    };
    let capabilities = ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf32 => PositionEncodingKind::UTF32,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    };
    conn.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": capabilities,
            "serverInfo": { "name": "storyline", "version": env!("CARGO_PKG_VERSION") },
        }),
    )?;
    let mut server = Server {
        conn,
        encoding,
        lexicon: Lexicon::embedded(),
        docs: HashMap::new(),
        profiles: Profiles::default(),
        shown: HashSet::new(),
        next_id: 0,
    };
    let watches = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    if watches {
        server.watch_configs()?;
    }
    server.run()
}

impl Server<'_> {
    fn run(&mut self) -> Result<(), Error> {
        use crossbeam_channel::RecvTimeoutError;
        // Since when a changed document waits to be linted.
        let mut waiting: Option<Instant> = None;
        loop {
            let msg = if waiting.is_some() {
                match self.conn.receiver.recv_timeout(PAUSE) {
                    Ok(m) => Some(m),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => return Ok(()),
                }
            } else {
                match self.conn.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(()),
                }
            };
            let quiet = msg.is_none();
            // Everything already waiting is applied before linting: only
            // the latest version of a document is linted.
            let batch: Vec<Message> = msg
                .into_iter()
                .chain(self.conn.receiver.try_iter())
                .collect();
            for msg in batch {
                match msg {
                    Message::Request(req) => {
                        if req.method == Shutdown::METHOD {
                            self.send(Response::new_ok(req.id, ()))?;
                            return self.until_exit();
                        }
                        // A request reads the findings: they must be of the
                        // text the client sees.
                        self.lint_stale()?;
                        self.request(req)?;
                    }
                    Message::Notification(n) => self.notification(n),
                    Message::Response(_) => {}
                }
            }
            if !self.docs.values().any(|d| d.stale) {
                waiting = None;
                continue;
            }
            // Typing sends a change a key: lint at a pause, or at the
            // latest after MAX_WAIT of continuous changes.
            let since = *waiting.get_or_insert_with(Instant::now);
            if quiet || since.elapsed() >= MAX_WAIT {
                self.lint_stale()?;
                waiting = None;
            }
        }
    }

    /// After shutdown: waits for exit. A client that goes away instead
    /// (an editor quitting) ends the server as cleanly.
    fn until_exit(&self) -> Result<(), Error> {
        while let Ok(msg) = self.conn.receiver.recv() {
            match msg {
                Message::Notification(n) if n.method == Exit::METHOD => break,
                Message::Request(req) => self.send(Response::new_err(
                    req.id,
                    lsp_server::ErrorCode::InvalidRequest as i32,
                    "the server is shutting down".into(),
                ))?,
                _ => {}
            }
        }
        Ok(())
    }

    fn send(&self, msg: impl Into<Message>) -> Result<(), Error> {
        self.conn.sender.send(msg.into())?;
        Ok(())
    }

    /// Asks the client to report changes of config files.
    fn watch_configs(&mut self) -> Result<(), Error> {
        let watchers = crate::config::FILE_NAMES
            .iter()
            .map(|name| FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{name}")),
                kind: None,
            })
            .collect();
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "storyline-config".into(),
                method: DidChangeWatchedFiles::METHOD.into(),
                register_options: Some(serde_json::to_value(
                    DidChangeWatchedFilesRegistrationOptions { watchers },
                )?),
            }],
        };
        self.next_id += 1;
        self.send(Request::new(
            RequestId::from(format!("storyline-{}", self.next_id)),
            RegisterCapability::METHOD.into(),
            params,
        ))
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) = n.extract::<DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                else {
                    return;
                };
                let d = p.text_document;
                let format = convert::format_of(&d.language_id, &d.uri);
                let path = convert::file_path(&d.uri);
                self.docs.insert(
                    d.uri,
                    Doc {
                        text: d.text,
                        version: d.version,
                        format,
                        path,
                        stale: true,
                        published: Vec::new(),
                        fixes: Vec::new(),
                    },
                );
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) = n.extract::<DidChangeTextDocumentParams>(DidChangeTextDocument::METHOD)
                else {
                    return;
                };
                let Some(doc) = self.docs.get_mut(&p.text_document.uri) else {
                    return;
                };
                // Full sync: the last change is the whole text.
                if let Some(change) = p.content_changes.into_iter().last() {
                    doc.text = change.text;
                    doc.version = p.text_document.version;
                    doc.stale = true;
                }
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) = n.extract::<DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                else {
                    return;
                };
                if self.docs.remove(&p.text_document.uri).is_some() {
                    let _ = self.publish(p.text_document.uri, Vec::new(), None);
                }
            }
            DidChangeWatchedFiles::METHOD => {
                let Ok(p) = n.extract::<DidChangeWatchedFilesParams>(DidChangeWatchedFiles::METHOD)
                else {
                    return;
                };
                if !p.changes.is_empty() {
                    self.profiles.clear();
                    self.shown.clear();
                    for doc in self.docs.values_mut() {
                        doc.stale = true;
                    }
                }
            }
            // A save may have changed a config beside the document on a
            // client that does not watch files.
            DidSaveTextDocument::METHOD => {}
            _ => {}
        }
    }

    fn publish(
        &self,
        uri: Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) -> Result<(), Error> {
        self.send(Notification::new(
            PublishDiagnostics::METHOD.into(),
            PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        ))
    }

    /// Lints every document changed since it was last linted, at its
    /// latest version, and publishes the findings.
    fn lint_stale(&mut self) -> Result<(), Error> {
        let mut stale: Vec<Uri> = self
            .docs
            .iter()
            .filter(|(_, d)| d.stale)
            .map(|(u, _)| u.clone())
            .collect();
        stale.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        for uri in stale {
            let (diagnostics, fixes) = self.lint(&uri);
            let Some(doc) = self.docs.get_mut(&uri) else {
                continue;
            };
            doc.stale = false;
            doc.published = diagnostics.clone();
            doc.fixes = fixes;
            let version = Some(doc.version);
            self.publish(uri, diagnostics, version)?;
        }
        Ok(())
    }

    /// The findings of a document as published, and each one's fixes.
    fn lint(
        &mut self,
        uri: &Uri,
    ) -> (Vec<lsp_types::Diagnostic>, Vec<Vec<crate::diagnostic::Fix>>) {
        let Some(doc) = self.docs.get(uri) else {
            return Default::default();
        };
        let Some(format) = doc.format else {
            return Default::default();
        };
        let (profile, error) = self
            .profiles
            .for_document(doc.path.as_deref(), &self.lexicon);
        if let Some(e) = error
            && self.shown.insert(e.clone())
        {
            let _ = self.send(Notification::new(
                ShowMessage::METHOD.into(),
                ShowMessageParams {
                    typ: MessageType::ERROR,
                    message: format!("storyline: {e}"),
                },
            ));
        }
        let display = doc
            .path
            .as_ref()
            .map_or_else(|| uri.as_str().to_string(), |p| p.display().to_string());
        let cx = Context {
            lexicon: &self.lexicon,
            rubric: &profile.rubric,
            today: profile.today,
            selection: &profile.selection,
            target: profile.target,
        };
        let config_dir = profile.config.as_deref().and_then(std::path::Path::parent);
        let config_name = profile
            .config
            .as_ref()
            .map_or_else(|| "storyline.toml".to_string(), |p| p.display().to_string());
        let sup = Suppressions {
            file_ignores: &profile.file_ignores,
            config_dir,
            entries: &profile.entries,
            config_name: &config_name,
        };
        // Said, not silent: a buffer past the size limit is not linted.
        if doc.text.len() as u64 > profile.limits.max_file_bytes {
            let too_large = vec![lsp_types::Diagnostic {
                range: Range::default(),
                severity: Some(lsp_types::DiagnosticSeverity::INFORMATION),
                source: Some("storyline".into()),
                message: format!(
                    "not linted: {} KiB is over the {} KiB limit (max-file-size); run `storyline check` on the file",
                    doc.text.len() >> 10,
                    profile.limits.max_file_bytes >> 10
                ),
                ..Default::default()
            }];
            return (too_large, vec![Vec::new()]);
        }
        // An empty buffer, or a JSON file that is no resume: nothing to say.
        let Ok(found) = lint_text(
            &cx,
            &display,
            format,
            &doc.text,
            &profile.limits,
            &sup,
            &profile.linkedin,
        ) else {
            return Default::default();
        };
        let lines = Lines::new(&doc.text);
        found
            .into_iter()
            .map(|d| (convert::diagnostic(&d, &lines, self.encoding), d.fixes))
            .unzip()
    }

    fn request(&mut self, req: Request) -> Result<(), Error> {
        let response = match req.method.as_str() {
            HoverRequest::METHOD => match serde_json::from_value::<HoverParams>(req.params) {
                Ok(p) => Response::new_ok(req.id, self.hover(&p)),
                Err(e) => invalid(req.id, &e),
            },
            CodeActionRequest::METHOD => {
                match serde_json::from_value::<CodeActionParams>(req.params) {
                    Ok(p) => Response::new_ok(req.id, self.code_actions(&p)),
                    Err(e) => invalid(req.id, &e),
                }
            }
            _ => Response::new_err(
                req.id,
                lsp_server::ErrorCode::MethodNotFound as i32,
                format!("storyline does not answer {}", req.method),
            ),
        };
        self.send(response)
    }

    /// The documentation of the rules whose findings cover the position.
    fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let at = &p.text_document_position_params;
        let doc = self.docs.get(&at.text_document.uri)?;
        let mut shown = Vec::new();
        let mut range = None;
        for d in doc
            .published
            .iter()
            .filter(|d| contains(&d.range, at.position))
        {
            let Some(info) = code_of(d).and_then(rules::find) else {
                continue;
            };
            if !shown.contains(&info.code) {
                shown.push(info.code);
                range.get_or_insert(d.range);
            }
        }
        let text: Vec<String> = shown
            .iter()
            .filter_map(|c| rules::find(c))
            .map(|info| format!("**{} {}**\n\n{}", info.code, info.name, info.docs.trim()))
            .collect();
        if text.is_empty() {
            return self.hover_directive(doc, at.position);
        }
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text.join("\n\n---\n\n"),
            }),
            range,
        })
    }

    /// A rule code or name under the cursor in a suppression comment: its
    /// documentation.
    fn hover_directive(&self, doc: &Doc, at: Position) -> Option<Hover> {
        let lines = Lines::new(&doc.text);
        let line = lines.line(at.line);
        if !line.contains("storyline-disable") && !line.contains("storyline-enable") {
            return None;
        }
        let chars: Vec<char> = line.chars().collect();
        let i = lines.char_index(at.line, at.character, self.encoding);
        let word_char = |c: char| c.is_ascii_alphanumeric() || c == '-';
        if !chars.get(i).is_some_and(|&c| word_char(c)) {
            return None;
        }
        let start = chars[..i]
            .iter()
            .rposition(|&c| !word_char(c))
            .map_or(0, |p| p + 1);
        let end = chars[i..]
            .iter()
            .position(|&c| !word_char(c))
            .map_or(chars.len(), |p| i + p);
        let word: String = chars[start..end].iter().collect();
        let info = rules::find(&word)?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: format!("**{} {}**\n\n{}", info.code, info.name, info.docs.trim()),
            }),
            range: None,
        })
    }

    /// For each finding in the range: its suggested edits (a safe one
    /// preferred), then "suppress with a reason" in the formats that have
    /// comments.
    fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        let lines = Lines::new(&doc.text);
        let mut out = self.fix_actions(doc, uri, &p.range, &lines);
        let (open, close) = match doc.format {
            Some("md") => ("<!--", " -->"),
            Some("tex") => ("%", ""),
            _ => return out,
        };
        let mut seen = HashSet::new();
        for d in doc
            .published
            .iter()
            .filter(|d| overlaps(&d.range, &p.range))
        {
            let Some(code) = code_of(d) else { continue };
            if !seen.insert((code.to_string(), d.range.start.line)) {
                continue;
            }
            let line = d.range.start.line;
            let indent: String = lines
                .line(line)
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            let new_text =
                format!("{indent}{open} storyline-disable-next-line {code} -- reason{close}\n");
            let at = Position::new(line, 0);
            let edit = WorkspaceEdit {
                changes: Some(HashMap::from([(
                    uri.clone(),
                    vec![TextEdit::new(Range::new(at, at), new_text)],
                )])),
                ..Default::default()
            };
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Suppress {code} on this line (give a reason)"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(edit),
                ..Default::default()
            }));
        }
        out
    }
}

impl Server<'_> {
    /// The suggested edits of the findings in `range`, as quick fixes.
    fn fix_actions(
        &self,
        doc: &Doc,
        uri: &Uri,
        range: &Range,
        lines: &Lines<'_>,
    ) -> Vec<CodeActionOrCommand> {
        let mut out = Vec::new();
        // Edits are placed by the text that was linted.
        if doc.stale {
            return out;
        }
        for (d, fixes) in doc.published.iter().zip(&doc.fixes) {
            if !overlaps(&d.range, range) {
                continue;
            }
            let code = code_of(d).unwrap_or("storyline");
            // One safe fix is preferred (the one --fix applies).
            let mut preferred_given = false;
            for f in fixes {
                let edits: Vec<TextEdit> = f
                    .replacements
                    .iter()
                    .map(|r| {
                        let start = lines.position(r.line, r.column, self.encoding);
                        let end = lines.position(r.end_line, r.end_column, self.encoding);
                        TextEdit::new(Range::new(start, end.max(start)), r.text.clone())
                    })
                    .collect();
                let preferred = f.class == crate::diagnostic::FixClass::Safe && !preferred_given;
                preferred_given |= preferred;
                let shown: Vec<&str> = f
                    .replacements
                    .iter()
                    .map(|r| r.text.trim())
                    .filter(|t| !t.is_empty())
                    .collect();
                let title = if shown.is_empty() {
                    format!("{code}: {}", f.description)
                } else {
                    format!("{code}: \"{}\": {}", shown.join(" … "), f.description)
                };
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![d.clone()]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(uri.clone(), edits)])),
                        ..Default::default()
                    }),
                    is_preferred: preferred.then_some(true),
                    ..Default::default()
                }));
            }
        }
        out
    }
}

fn invalid(id: RequestId, e: &serde_json::Error) -> Response {
    Response::new_err(
        id,
        lsp_server::ErrorCode::InvalidParams as i32,
        e.to_string(),
    )
}

fn code_of(d: &lsp_types::Diagnostic) -> Option<&str> {
    match &d.code {
        Some(NumberOrString::String(s)) => Some(s),
        _ => None,
    }
}

fn contains(r: &Range, p: Position) -> bool {
    r.start <= p && p <= r.end
}

fn overlaps(a: &Range, b: &Range) -> bool {
    a.start <= b.end && b.start <= a.end
}
