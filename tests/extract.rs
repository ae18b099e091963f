//! Segmentation of real-world layouts (team-written fixtures in
//! `fixtures/layouts/`): roles, header fields, dates and bullets.

mod common;

use storyline::model::Document;

/// (title, company, location, start, end, bullet count) of every role.
type RoleRow = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    usize,
);

fn roles(doc: &Document) -> Vec<RoleRow> {
    doc.roles
        .iter()
        .map(|r| {
            (
                r.title.as_ref().map(|t| t.text.clone()),
                r.company.as_ref().map(|t| t.text.clone()),
                r.location.as_ref().map(|t| t.text.clone()),
                r.start.map(|d| d.to_string()),
                r.end.map(|d| d.to_string()),
                r.bullets.len(),
            )
        })
        .collect()
}

fn row(
    title: Option<&str>,
    company: Option<&str>,
    location: Option<&str>,
    start: &str,
    end: &str,
    bullets: usize,
) -> RoleRow {
    (
        title.map(str::to_string),
        company.map(str::to_string),
        location.map(str::to_string),
        Some(start.to_string()),
        Some(end.to_string()),
        bullets,
    )
}

#[test]
fn unmarked_paragraphs_are_bullets_not_roles() {
    let doc = common::load("layouts/paragraphs.txt");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Platform Architect"),
                Some("Lumen Works"),
                None,
                "2019-02",
                "2021-03",
                2
            ),
            row(
                Some("Data Analyst"),
                Some("Tidepool Inc"),
                None,
                "2016-01",
                "2019-01",
                1
            ),
        ]
    );
}

#[test]
fn two_line_column_headers_and_detached_bullet_glyphs() {
    let doc = common::load("layouts/columns.txt");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Systems Administrator"),
                Some("Harbor Hosting"),
                Some("Austin, TX"),
                "2015-08",
                "2017-07",
                2
            ),
            row(
                Some("Developer"),
                Some("Ferry Labs"),
                Some("Denver, CO"),
                "2013-04",
                "2015-07",
                1
            ),
        ]
    );
}

#[test]
fn markdown_headings_with_emphasised_company_lines() {
    let doc = common::load("layouts/headings.md");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Senior Product Manager (Search & Discovery)"),
                Some("Globex"),
                None,
                "2019-10",
                "2022-12",
                1
            ),
            // The description after the bold header is the role's text.
            row(
                Some("Software Engineer"),
                Some("Initech Inc."),
                None,
                "2015-12",
                "2019-09",
                2
            ),
            // The dated line after the role's items completes it.
            row(
                Some("Audio Engineer"),
                Some("SOUNDWORKS"),
                None,
                "2023-01",
                "present",
                0
            ),
        ]
    );
    assert_eq!(
        doc.roles[1].bullets[0].text,
        "Initech builds payroll software for small firms."
    );
}

#[test]
fn date_first_lines_with_leaders_and_open_ranges() {
    let doc = common::load("layouts/date-first.txt");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Staff Engineer"),
                Some("ORBITAL"),
                Some("Lisbon PT"),
                "2023",
                "present",
                0
            ),
            row(
                Some("Senior Engineer"),
                Some("NIMBUS"),
                Some("Porto PT"),
                "2019",
                "2023",
                1
            ),
        ]
    );
    // The wrapped paragraph is one bullet, with its metric.
    assert!(
        doc.roles[1].bullets[0]
            .text
            .ends_with("which cut storage spend by 30%.")
    );
}

#[test]
fn labels_inside_a_role_are_not_roles() {
    let doc = common::load("layouts/labels.txt");
    let r = roles(&doc);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1.as_deref(), Some("Quarry Digital"));
    assert_eq!(
        (r[0].2.as_deref(), r[0].3.as_deref(), r[0].4.as_deref()),
        (Some("remote"), Some("2020-03"), Some("present"))
    );
    let bullets: Vec<&str> = doc.roles[0]
        .bullets
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    // The list under "Skills used:" is metadata, not an achievement.
    assert_eq!(
        bullets,
        [
            "Maintained the customer portal and its 12 integrations.",
            "Turned design mock-ups into responsive pages."
        ]
    );
}

#[test]
fn bulk_key_value_entries_with_glued_headings() {
    let doc = common::load("layouts/bulk.txt");
    let r = roles(&doc);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].1.as_deref(), Some("Larkspur Technologies"));
    assert_eq!(
        doc.roles[0].bullets[0].text,
        "Built 3 internal tools in Django for the finance team."
    );
    assert_eq!(r[1].1.as_deref(), Some("Bramble Systems"));
}

#[test]
fn every_bullet_marker_and_wrapped_continuations() {
    let doc = common::load("layouts/markers.txt");
    assert_eq!(
        doc.headline.as_ref().map(|h| h.text.as_str()),
        Some("Machine Learning Engineer")
    );
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("ML Engineer"),
                Some("Quillon"),
                Some("Berlin, Germany"),
                "2021-03",
                "present",
                5
            ),
            row(
                Some("Data Scientist"),
                Some("Quillon"),
                None,
                "2018",
                "2021",
                1
            ),
        ]
    );
    let last = &doc.roles[0].bullets[4];
    assert_eq!(
        last.text,
        "Migrated the batch jobs from Hive to Spark, halving their cost and their run time"
    );
    // The joined bullet still maps back to both of its source lines.
    let span = last.span();
    let (a, b) = (
        doc.lines.position(&doc.source, span.start),
        doc.lines.position(&doc.source, span.end),
    );
    assert_eq!((a.line, b.line), (12, 13));
}

#[test]
fn bullets_run_together_on_one_line_are_split() {
    let doc = common::load("layouts/bulk.txt");
    let texts: Vec<&str> = doc.roles[1]
        .bullets
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Maintained the reporting scripts.",
            "Cut the monthly close from 5 days to 2"
        ]
    );
}

#[test]
fn json_resume_tag_highlights_fall_back_to_the_summary_lines() {
    let doc = common::load("json/tags.json");
    let texts: Vec<&str> = doc.roles[0]
        .bullets
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Led a team of 6 frontend engineers.",
            "Moved the desktop app to Electron."
        ]
    );
    assert_eq!(
        doc.roles[0].bullets[0].field.as_deref(),
        Some("work[0].summary")
    );
}

#[test]
fn month_dates_without_a_dash_are_a_range_and_places_stay_whole() {
    // A PDF whose dash glyph carries no text prints "Sep. 2023 Mar. 2024".
    let doc = common::load("layouts/gapped-dates.txt");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Platform Engineer"),
                Some("Larkspur Systems Inc."),
                Some("Lagos, Nigeria"),
                "2023-09",
                "2024-03",
                2
            ),
            row(
                Some("Data Engineer"),
                Some("Tidewater Analytics, Inc."),
                Some("Austin, TX"),
                "2020-02",
                "2022-11",
                1
            ),
            row(
                Some("Software Developer"),
                Some("Quillon Labs"),
                Some("Toronto, Canada"),
                "2018-06",
                "present",
                1
            ),
        ]
    );
}

#[test]
fn a_city_state_or_country_is_never_the_employer() {
    let doc = common::load("layouts/places.txt");
    let rows = roles(&doc);
    assert_eq!(rows.len(), 5, "{rows:?}");
    // "Web Developer | Tennessee": a place, and no employer named.
    assert_eq!(rows[0].1, None);
    assert_eq!(rows[0].2.as_deref(), Some("Tennessee"));
    assert_eq!(rows[1].1, None);
    assert_eq!(rows[1].2.as_deref(), Some("Nashville"));
    // "Company, Inc." is not split at its comma.
    assert_eq!(rows[2].1.as_deref(), Some("Brightwell Foods, Inc."));
    assert_eq!(rows[2].0.as_deref(), Some("Operations Analyst"));
    assert_eq!(rows[3].1.as_deref(), Some("Harbor Freight Lines"));
    assert_eq!(rows[3].2.as_deref(), Some("Georgia"));
    // Near miss: "Buyer, Home Goods" has a place's shape and is no place.
    assert_eq!(rows[4].2, None);
    assert_eq!(rows[4].0.as_deref(), Some("Buyer"));
}

#[test]
fn json_resume_month_day_year_dates_are_read() {
    let doc = common::load("json/month-day-year.json");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Data Analyst"),
                Some("Orchard Metrics"),
                None,
                "2019-12",
                "present",
                1
            ),
            row(
                Some("Junior Analyst"),
                Some("Palewood Co"),
                None,
                "2016-05",
                "2019-06",
                1
            ),
        ]
    );
}

#[test]
fn marked_entries_over_nested_items_are_role_headers() {
    let doc = common::load("layouts/marked-entries.txt");
    // "Greater Chicago Area" is a place, not the headline.
    assert_eq!(
        doc.headline.as_ref().map(|h| h.text.as_str()),
        Some("Backend Engineer")
    );
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Backend Engineer"),
                Some("Orbitline"),
                Some("Chicago, IL"),
                "2019-10",
                "present",
                2
            ),
            row(
                Some("Software Engineer"),
                Some("Marrow Health"),
                Some("Madison, WI"),
                "2016-01",
                "2019-09",
                1
            ),
        ]
    );
}

#[test]
fn a_short_last_item_over_the_next_header_stays_an_item() {
    let doc = common::load("layouts/marked-near-miss.txt");
    let rows = roles(&doc);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].1.as_deref(), Some("Corran Networks"));
    assert_eq!(rows[0].5, 2);
    assert_eq!(rows[1].1.as_deref(), Some("Sable Freight"));
}

#[test]
fn a_catch_all_entry_of_dated_engagements_is_one_role_each() {
    let doc = common::load("layouts/catch-all.md");
    let rows = roles(&doc);
    let short: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.0.as_deref(),
                r.1.as_deref(),
                r.3.as_deref(),
                r.4.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        short,
        [
            (
                Some("Product Lead"),
                Some("Harrow Robotics"),
                Some("2019"),
                Some("2024")
            ),
            (None, Some("Pinwheel Maps"), Some("2015"), Some("2018")),
            (None, Some("Quarry Health"), Some("2014"), Some("2014")),
            (
                Some("Data Analyst"),
                Some("Brockton Insurance"),
                Some("2009"),
                Some("2013")
            ),
            // Near miss: one item names no years, so the entry stays whole.
            (
                Some("Freelance Consulting"),
                None,
                Some("2005"),
                Some("2008")
            ),
        ]
    );
    assert_eq!(rows[4].5, 2);
}

#[test]
fn shared_year_months_stints_title_lines_and_titled_headings() {
    let doc = common::load("layouts/stints.txt");
    let short: Vec<_> = roles(&doc)
        .into_iter()
        .map(|r| (r.0, r.1, r.2, r.3, r.4))
        .collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        short,
        [
            // "Jul – Nov 2021"; the title opens the description line.
            (
                s("Firmware Engineer"),
                s("Kelda Devices, Inc."),
                s("Boise, ID"),
                s("2021-07"),
                s("2021-11")
            ),
            // Stints on one line: first start to last end.
            (
                s("Test Intern"),
                s("Marlow Instruments"),
                s("Provo, UT"),
                s("2018-06"),
                s("2019-08")
            ),
            // No title of its own: the heading's "as FIRMWARE ENGINEER".
            (
                s("FIRMWARE ENGINEER"),
                s("Osprey Works"),
                s("Ogden, UT"),
                s("2015-03"),
                s("2018-05")
            ),
        ]
    );
}

#[test]
fn headings_titles_and_present_in_other_languages() {
    let doc = common::load("layouts/german.txt");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Backend-Entwickler"),
                Some("Lindwurm Logistik GmbH"),
                Some("München"),
                "2019-03",
                "present",
                1
            ),
            // Near miss: "Tannhof Software AG" has the shape of "Boston MA",
            // but AG is a legal form, not a region.
            row(
                Some("Werkstudent"),
                Some("Tannhof Software AG"),
                Some("Stuttgart"),
                "2016-10",
                "2019-02",
                1
            ),
        ]
    );
}

#[test]
fn name_and_headline_on_one_line_and_a_document_title_above() {
    let doc = common::load("layouts/name-headline.txt");
    let text = |t: &Option<storyline::source::Text>| t.as_ref().map(|t| t.text.clone());
    assert_eq!(text(&doc.name).as_deref(), Some("Marta Quill"));
    assert_eq!(text(&doc.headline).as_deref(), Some("Senior Data Engineer"));
    // A name in capitals under a contact line is the name, not a section.
    let doc = common::load("layouts/name-after-contact.txt");
    assert_eq!(text(&doc.name).as_deref(), Some("OREN T BALAKRISHNAN"));
    assert_eq!(text(&doc.headline).as_deref(), Some("Undergraduate"));
}

#[test]
fn labels_between_roles_do_not_end_the_experience_section() {
    let doc = common::load("layouts/labels-between-roles.txt");
    let rows = roles(&doc);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].1.as_deref(), Some("Tamsin Cloud"));
    assert_eq!(rows[0].5, 2);
    assert_eq!(rows[1].1.as_deref(), Some("Piru Labs"));
    assert_eq!(rows[1].5, 1);
    // Near miss: "ACCOMPLISHMENTS" set as a heading is a section of its own.
    assert!(
        doc.roles
            .iter()
            .flat_map(|r| &r.bullets)
            .all(|b| !b.text.contains("meetups"))
    );
}

#[test]
fn wrapped_headers_and_dashes_without_spaces() {
    let doc = common::load("layouts/wrapped-header.txt");
    assert_eq!(
        roles(&doc),
        [
            // "— Sales" / "Representative": one header wrapped.
            row(
                Some("Sales Representative"),
                Some("Brightline Roofing"),
                Some("Ogden, Utah"),
                "2022-03",
                "2023-10",
                1
            ),
            row(
                Some("Teller"),
                Some("Oakmere Bank"),
                Some("Provo, Utah"),
                "2019-06",
                "2022-02",
                1
            ),
            // "LLC -Delivery Driver —Ogden": dashes set against the words.
            row(
                Some("Delivery Driver"),
                Some("Kestrel Haulage LLC"),
                Some("Ogden"),
                "2017-05",
                "2019-05",
                1
            ),
        ]
    );
}

#[test]
fn an_organisation_ending_in_its_place_under_a_title_is_the_employer() {
    let doc = common::load("layouts/title-over-employer.txt");
    let rows = roles(&doc);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0.as_deref(), Some("Research Assistant"));
    assert!(
        rows[0]
            .1
            .as_deref()
            .is_some_and(|c| c.contains("University of Maine")),
        "{rows:?}"
    );
    assert_eq!(rows[0].2.as_deref(), Some("Orono, ME"));
    // Near miss: a sentence that names a place is text, not an employer.
    assert_eq!(rows[1].1, None);
    assert_eq!(rows[1].5, 2);
}

#[test]
fn dates_with_no_employer_and_no_title_are_no_role() {
    let doc = common::load("layouts/stray-dates.txt");
    let rows = roles(&doc);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].1.as_deref(), Some("Halcyon Grid"));
}

#[test]
fn a_dates_line_over_an_emphasised_title_at_a_long_employer_names_the_role() {
    let doc = common::load("layouts/dates-over-title-at.md");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Visiting Fellow"),
                Some("Ministry of Trade of the Republic of Kenya"),
                None,
                "2021",
                "present",
                // The description under the header.
                1
            ),
            row(
                Some("Maritime Security Programme"),
                // The office after the dash is a part of the employer.
                Some("Indian Ocean Commission"),
                None,
                "2019",
                "2021",
                1
            ),
            row(
                Some("Analyst"),
                Some("Lakeside Institute"),
                None,
                "2016",
                "2019",
                1
            ),
        ]
    );
    // Near miss: a sentence under a dates line is no header (and no role
    // is made of the dates alone).
    let doc = common::load("layouts/dates-over-prose-near-miss.md");
    let companies: Vec<Option<String>> = doc
        .roles
        .iter()
        .map(|r| r.company.as_ref().map(|t| t.text.clone()))
        .collect();
    assert_eq!(companies, [Some("Lakeside Institute".to_string())]);
}

#[test]
fn a_dates_label_and_a_street_address_are_neither_employer_nor_title() {
    let doc = common::load("layouts/labelled-dates.txt");
    let rows = roles(&doc);
    assert_eq!(rows.len(), 2, "{rows:?}");
    // No title word: the part that names an organisation is the employer.
    assert_eq!(rows[0].0.as_deref(), Some("Boat House Management"));
    assert_eq!(rows[0].1.as_deref(), Some("Harbor Rowing Club of Casco"));
    assert_eq!(rows[0].2.as_deref(), Some("Portland, Maine"));
    assert_eq!(
        (rows[0].3.as_deref(), rows[0].4.as_deref()),
        (Some("2015"), Some("present"))
    );
    assert_eq!(rows[1].0.as_deref(), Some("Print Supervisor"));
    assert_eq!(rows[1].1.as_deref(), Some("Linden Print Shop"));
    // A town the gazetteer lacks, in a region it knows, is the place.
    assert_eq!(rows[1].2.as_deref(), Some("Hollis Falls, Maine"));
    assert_eq!(rows[1].5, 1);
    // Near miss: a name with a street's word in it ("Front Street
    // Studio") is still the employer, and "Dates:" is no part of it.
    // An employer before "Mountain View, CA" is no town of that place.
    let doc = common::load("layouts/labelled-dates-near-miss.txt");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Photographer"),
                Some("Front Street Studio"),
                None,
                "2009",
                "2011",
                1
            ),
            row(
                Some("Data Analyst"),
                Some("Kestrel Analytics"),
                Some("Mountain View, CA"),
                "2006",
                "2009",
                1
            ),
        ]
    );
}

#[test]
fn an_employer_in_capitals_run_into_its_title_is_two_fields() {
    let doc = common::load("layouts/shouted-employer.txt");
    let rows: Vec<(Option<String>, Option<String>)> =
        roles(&doc).into_iter().map(|r| (r.0, r.1)).collect();
    let pair = |t: &str, c: &str| (Some(t.to_string()), Some(c.to_string()));
    assert_eq!(
        rows,
        [
            pair("Senior SE", "NORTHWIND"),
            // No title word: "Enterprise" names the organisation.
            pair("Research SE", "Brightwater Enterprise"),
            // Near miss: a capitalised title word ("VP") is no employer.
            pair("VP Engineering", "Tallow Labs"),
        ]
    );
}

#[test]
fn month_and_present_words_in_french_and_spanish() {
    let doc = common::load("layouts/french.txt");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Développeuse backend"),
                Some("Ardoise Numérique SAS"),
                Some("Lyon"),
                "2020-03",
                "present",
                1
            ),
            row(
                Some("Stagiaire"),
                Some("Atelier Brume"),
                Some("Nantes"),
                "2018",
                "2019",
                1
            ),
        ]
    );
    let doc = common::load("layouts/spanish.md");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Ingeniera de datos"),
                Some("Cerro Azul Analítica"),
                None,
                "2021",
                "present",
                1
            ),
            row(
                Some("Desarrolladora"),
                Some("Pinar Software"),
                None,
                "2017",
                "2021",
                1
            ),
        ]
    );
}

#[test]
fn markdown_titles_with_colons_and_employers_that_hold_title_words() {
    let doc = common::load("layouts/title-colons.md");
    type Fields = (Option<String>, Option<String>, Option<String>, usize);
    let fields: Vec<Fields> = roles(&doc)
        .into_iter()
        .map(|r| (r.0, r.1, r.3, r.5))
        .collect();
    let s = |t: &str| Some(t.to_string());
    assert_eq!(
        fields,
        [
            // A bold lead with a colon before " at ": one title; what
            // follows " at " is the employer, title word ("Staff") or not.
            (
                s("Maritime Analysis: Port Security and Trade Routes"),
                s("The Coastal Staff"),
                s("2023"),
                1
            ),
            // After " at ", an address-shaped name is still the employer.
            (
                s("Visiting Fellow"),
                s("12 Harbour Street"),
                s("2022-02"),
                0
            ),
            // A heading split at its colon over an employer's dated line is
            // one title; a long "Title:" line is a work's title, an item.
            (
                s("Trade Studies: Ports and People"),
                s("Lakeside Institute"),
                s("2019"),
                1
            ),
            // "Engineering" inside a college's name is no second title: one
            // role, not two.
            (
                s("Backend Developer for the Campus Portal"),
                s("Marlow Engineering College"),
                s("2017-04"),
                1
            ),
        ]
    );
    // Near miss: a heading whose part after the colon has a title word
    // stays employer and title.
    let doc = common::load("layouts/title-colons-near-miss.md");
    assert_eq!(
        roles(&doc),
        [row(
            Some("Senior Engineer"),
            Some("Northwind Labs"),
            None,
            "2019",
            "2021",
            1
        )]
    );
}

#[test]
fn an_employer_and_its_descriptor_under_a_section_that_names_the_title() {
    let doc = common::load("layouts/experience-as.md");
    assert_eq!(
        roles(&doc),
        [
            // "Employer - Descriptor" has no title word: one employer, and
            // the title is the section's.
            row(
                Some("Senior Welder"),
                Some("Harlow Forge - Custom Metalwork"),
                Some("on site"),
                "2014-03",
                "present",
                2
            ),
            // A label's list ends at the next heading with no blank line
            // between: the dates under that heading are read.
            row(
                Some("Senior Welder"),
                Some("Quarry Lane Fabrication"),
                Some("on site"),
                "2010-05",
                "2014-02",
                1
            ),
            // Near miss: a part with a title word is the role's own title.
            row(
                Some("Shift Lead"),
                Some("Brindle Works"),
                Some("on site"),
                "2008-06",
                "2010-04",
                1
            ),
        ]
    );
}

#[test]
fn a_dated_title_over_a_department_and_its_organisation_with_a_place() {
    let doc = common::load("layouts/title-over-department.txt");
    assert_eq!(
        roles(&doc),
        [
            // "Journalist" is in no title list: the organisation line under
            // it, ending in its place, shows the dated line was the title.
            row(
                Some("Program Journalist"),
                Some("Center for Civic Data and Social Science, Ridgeway University"),
                Some("Amherst, MA"),
                "2022-01",
                "2022-05",
                1
            ),
            row(
                Some("Copy Desk Assistant"),
                Some("Ridgeway Daily Herald"),
                Some("Amherst, MA"),
                "2021-09",
                "2021-12",
                1
            ),
        ]
    );
    // Near miss: a sentence naming a place under an employer's dated line
    // is an item, and the employer stays the employer.
    let doc = common::load("layouts/title-over-department-near-miss.txt");
    let rows = roles(&doc);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].1.as_deref(), Some("Quillon Books"));
    assert_eq!(rows[0].5, 1);
}

#[test]
fn a_range_cut_by_a_line_break_ends_on_the_next_line() {
    let doc = common::load("layouts/cut-ranges.txt");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Site Reliability Engineer"),
                Some("Harrowgate Cloud"),
                Some("Remote"),
                "2021-03",
                "present",
                2
            ),
            row(
                Some("Infrastructure Engineer"),
                Some("Pellucid Data Ltd."),
                None,
                "2018-06",
                "2020-07",
                1
            ),
            // "2014/2015": a start of two years starts in the first.
            row(
                Some("Systems Administrator"),
                Some("Caskwell Works"),
                None,
                "2014",
                "2018",
                1
            ),
        ]
    );
}

#[test]
fn a_whole_range_or_a_start_alone_takes_nothing_from_the_next_line() {
    let doc = common::load("layouts/cut-ranges-near-miss.txt");
    let rows = roles(&doc);
    assert_eq!(rows.len(), 2, "{rows:?}");
    // The range was whole: "2022 was the year ..." is text, not its end.
    assert_eq!(
        (rows[0].3.as_deref(), rows[0].4.as_deref()),
        (Some("2021-03"), Some("2023-05"))
    );
    // No dash after the start: "Present at every ..." ends nothing.
    assert_eq!(rows[1].4, None, "{rows:?}");
}

#[test]
fn work_on_ones_own_account_stands_where_the_employer_does() {
    let doc = common::load("layouts/own-account.txt");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Web Developer"),
                Some("Freelance"),
                Some("Valencia, Spain"),
                "2019-09",
                "2021-11",
                2
            ),
            row(
                Some("Front-end Engineer"),
                Some("Self-employed"),
                None,
                "2017",
                "2019",
                1
            ),
        ]
    );
}

#[test]
fn other_employment_types_and_freelance_titles_name_no_employer() {
    let doc = common::load("layouts/own-account-near-miss.txt");
    let rows = roles(&doc);
    // "Contract" is no employer: the next line names it.
    assert_eq!(
        rows[0].1.as_deref(),
        Some("Tarrowby Foods Ltd."),
        "{rows:?}"
    );
    // "Freelance Web Designer" is a title, whole, with no employer.
    assert_eq!(
        (rows[1].0.as_deref(), rows[1].1.as_deref()),
        (Some("Freelance Web Designer"), None),
        "{rows:?}"
    );
}

#[test]
fn chinese_present_and_full_width_brackets_read_as_dates_and_one_part() {
    let doc = common::load("layouts/cjk-present.txt");
    let rows = roles(&doc);
    assert_eq!(rows.len(), 2, "{rows:?}");
    // "至今" is now; the comma inside "（...）" splits nothing.
    assert_eq!(
        (rows[0].3.as_deref(), rows[0].4.as_deref()),
        (Some("2021-03"), Some("present"))
    );
    let parts = [rows[0].0.as_deref(), rows[0].1.as_deref()];
    assert!(
        parts.contains(&Some("青禾云科技（Qinghe Cloud, Ltd.）")),
        "{rows:?}"
    );
    assert!(parts.contains(&Some("后端开发工程师")), "{rows:?}");
    assert_eq!(rows[1].4.as_deref(), Some("2021-02"));
}

#[test]
fn a_present_word_inside_a_bullet_ends_no_range() {
    let doc = common::load("layouts/cjk-present-near-miss.txt");
    let rows = roles(&doc);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].4.as_deref(), Some("2021-02"));
    assert_eq!(rows[0].5, 1);
}

#[test]
fn a_long_employer_name_with_its_place_set_apart_heads_the_role() {
    let doc = common::load("layouts/place-column.txt");
    assert_eq!(
        roles(&doc),
        [row(
            Some("Software Engineer Trainee"),
            Some("Coral Bay Accelerator (funded by the Ministry of Trade)"),
            Some("Chennai, India"),
            "2012-07",
            "2013-06",
            1
        )]
    );
}

#[test]
fn a_sentence_with_a_place_set_apart_names_no_employer() {
    let doc = common::load("layouts/place-column-near-miss.txt");
    let rows = roles(&doc);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        rows[0].0.as_deref(),
        Some("Software Engineer Trainee"),
        "{rows:?}"
    );
    assert_eq!(rows[0].1, None, "{rows:?}");
}

#[test]
fn an_employer_over_its_dated_projects_is_one_role_over_their_dates() {
    let doc = common::load("layouts/sub-entries.txt");
    assert_eq!(
        roles(&doc),
        [
            row(
                Some("Software Engineer"),
                Some("Halvorsen Polytechnic"),
                None,
                "2016-08",
                "2018-09",
                3
            ),
            row(
                Some("Software Developer"),
                Some("Brightwater Studio"),
                None,
                "2015-04",
                "2015-12",
                1
            ),
        ]
    );
}

#[test]
fn a_role_set_at_the_margin_after_a_dated_project_is_a_role_of_its_own() {
    let doc = common::load("layouts/sub-entries-near-miss.txt");
    let rows = roles(&doc);
    let names: Vec<Option<&str>> = rows.iter().map(|r| r.1.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("Halvorsen Polytechnic"),
            Some("Brightwater Studio"),
            Some("Kestrel Labs")
        ],
        "{rows:?}"
    );
    assert_eq!(rows[1].3.as_deref(), Some("2015-04"), "{rows:?}");
}
