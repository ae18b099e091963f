//! The settings a document is linted with: those of the nearest
//! storyline.toml above it (as `check` reads it), else the defaults.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::assess::TargetSource;
use crate::config::{Config, SuppressEntry};
use crate::date::{self, YearMonth};
use crate::extract::{self, Limits};
use crate::lexicon::Lexicon;
use crate::model::{Channel, Document};
use crate::rubric::{DEFAULT_TRACK, Rubric};
use crate::rules::{self, Selection};
use crate::suppress::FileIgnores;

/// Everything but the lexicon that linting one document needs.
pub struct Profile {
    pub rubric: Arc<Rubric>,
    pub selection: Selection,
    pub today: YearMonth,
    pub target: Option<(usize, TargetSource)>,
    pub file_ignores: FileIgnores,
    pub entries: Vec<SuppressEntry>,
    pub config: Option<PathBuf>,
    pub limits: Limits,
    /// The config's LinkedIn `profiles`, read from disk when it is loaded.
    pub linkedin: Vec<Document>,
    /// What could not be read of them.
    pub problems: Vec<String>,
}

impl Profile {
    /// The settings with no config file.
    pub fn defaults() -> Profile {
        Profile {
            rubric: Rubric::bundled(DEFAULT_TRACK).expect("the default track is bundled"),
            selection: Selection::default(),
            today: date::current_month(),
            target: None,
            file_ignores: FileIgnores::default(),
            entries: Vec::new(),
            config: None,
            limits: Limits::default(),
            linkedin: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// The settings a config file gives (as `check` resolves them with no
    /// flags).
    pub fn from_config(config: &Config, lexicon: &Lexicon) -> Result<Profile, String> {
        let file = &config.file;
        let named = config.path.display();
        let rubric = match (&file.track, &file.rubric) {
            (Some(t), _) => {
                Rubric::bundled(t).ok_or_else(|| format!("{named}: unknown track '{t}'"))?
            }
            (None, Some(r)) => {
                let path = config.resolve(&r.to_string_lossy());
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: cannot read the rubric: {e}", path.display()))?;
                Arc::new(
                    Rubric::parse(&text, &path.display().to_string()).map_err(|e| e.to_string())?,
                )
            }
            (None, None) => Profile::defaults().rubric,
        };
        let target = match &file.target {
            Some(t) => Some((
                rubric
                    .level(t)
                    .ok_or_else(|| format!("{named}: unknown target level '{t}'"))?,
                TargetSource::Config,
            )),
            None => None,
        };
        let codes = |v: &Option<Vec<String>>| -> Vec<String> {
            v.iter()
                .flatten()
                .map(|s| rules::code_of(s))
                .filter(|s| !s.is_empty())
                .collect()
        };
        let today = match &file.today {
            Some(t) => date::parse_today(t).map_err(|e| format!("{named}: today: {e}"))?,
            None => date::current_month(),
        };
        let d = Limits::default();
        let limits = Limits {
            max_file_bytes: file.max_file_size.unwrap_or(d.max_file_bytes),
            max_zip_members: file.max_zip_members.unwrap_or(d.max_zip_members),
            max_member_bytes: file.max_member_size.unwrap_or(d.max_member_bytes),
            max_total_inflated: file.max_total_inflated.unwrap_or(d.max_total_inflated),
            max_compression_ratio: file
                .max_compression_ratio
                .unwrap_or(d.max_compression_ratio),
            ..d
        };
        let mut linkedin = Vec::new();
        let mut problems = Vec::new();
        for p in file.profiles.iter().flatten() {
            let path = config.resolve(p);
            match extract::extract_path(&path, &path.display().to_string(), lexicon, &limits) {
                Ok(doc) if doc.channel == Channel::Linkedin => linkedin.push(doc),
                Ok(_) => problems.push(format!("{}: not a LinkedIn profile", path.display())),
                Err(e) => problems.push(format!("{}: {}", e.path, e.message)),
            }
        }
        Ok(Profile {
            linkedin,
            problems,
            rubric,
            selection: Selection {
                select: codes(&file.select),
                ignore: codes(&file.ignore),
            },
            today,
            target,
            file_ignores: FileIgnores::new(&file.per_file_ignores.clone().unwrap_or_default())?,
            entries: file.suppress.clone().unwrap_or_default(),
            config: Some(config.path.clone()),
            limits,
        })
    }
}

/// Loaded profiles by config file, reloaded when the file changes.
#[derive(Default)]
pub struct Profiles {
    loaded: HashMap<PathBuf, (Option<SystemTime>, Arc<Profile>)>,
    defaults: Option<Arc<Profile>>,
}

impl Profiles {
    /// The profile for a document at `path` (none for an unsaved buffer),
    /// and the error of a config that could not be read (the defaults are
    /// used then).
    pub fn for_document(
        &mut self,
        path: Option<&Path>,
        lexicon: &Lexicon,
    ) -> (Arc<Profile>, Option<String>) {
        let config = path.and_then(Path::parent).and_then(Config::discover);
        let Some(config) = config else {
            return (self.defaults(), None);
        };
        let modified = std::fs::metadata(&config).and_then(|m| m.modified()).ok();
        if let Some((when, p)) = self.loaded.get(&config)
            && *when == modified
            && modified.is_some()
        {
            return (p.clone(), None);
        }
        match Config::load(&config)
            .map_err(|e| e.to_string())
            .and_then(|c| Profile::from_config(&c, lexicon))
        {
            Ok(p) => {
                let problems = (!p.problems.is_empty()).then(|| p.problems.join("; "));
                let p = Arc::new(p);
                self.loaded.insert(config, (modified, p.clone()));
                (p, problems)
            }
            Err(e) => {
                self.loaded.remove(&config);
                (
                    self.defaults(),
                    Some(format!("{e} (linting with the defaults)")),
                )
            }
        }
    }

    /// Forgets every loaded config (one changed on disk).
    pub fn clear(&mut self) {
        self.loaded.clear();
    }

    fn defaults(&mut self) -> Arc<Profile> {
        self.defaults
            .get_or_insert_with(|| Arc::new(Profile::defaults()))
            .clone()
    }
}
