//! `storyline rules` and `storyline explain`.

use clap::Args;
use serde_json::json;

use super::{EXIT_CLEAN, print, usage_error};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}
use crate::rules;

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code (M001) or name (bullet-without-metric)
    rule: String,
}

pub fn run_rules(args: RulesArgs) -> u8 {
    match args.format {
        ListFormat::Json => {
            let list: Vec<_> = rules::all()
                .map(|r| json!({"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary}))
                .collect();
            print(&(serde_json::to_string_pretty(&list).expect("plain JSON") + "\n"));
        }
        ListFormat::Human => {
            let mut s = String::new();
            for r in rules::all() {
                s.push_str(&format!(
                    "{}  {:<28} {:<8} {}\n",
                    r.code,
                    r.name,
                    r.severity.as_str(),
                    r.summary
                ));
            }
            print(&s);
        }
    }
    EXIT_CLEAN
}

pub fn run_explain(args: ExplainArgs) -> u8 {
    let Some(r) = rules::find(&args.rule) else {
        return usage_error(&format!(
            "no rule '{}'; `storyline rules` lists them",
            args.rule
        ));
    };
    print(&format!(
        "# {} {}\n\nDefault severity: {}\n\n{}\n",
        r.code,
        r.name,
        r.severity.as_str(),
        r.docs.trim_end()
    ));
    EXIT_CLEAN
}
