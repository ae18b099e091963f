//! A minimal PDF writer for the tests: Helvetica text at given positions,
//! drawn in the order given, so a layout can be drawn row by row across
//! its columns as real generators do.

/// Text drawn at (x, y from the top) in Helvetica of a size, or in
/// Helvetica-Bold.
#[derive(Clone)]
pub struct Run {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
    pub bold: bool,
}

pub fn run(x: f32, y: f32, text: &str) -> Run {
    Run {
        x,
        y,
        size: 10.0,
        text: text.to_string(),
        bold: false,
    }
}

/// A minimal PDF writer: one Helvetica font, pages of text runs, and
/// optional raw content or extra trailer entries for hostile files.
#[derive(Default)]
pub struct Pdf {
    pub pages: Vec<Vec<u8>>,
    pub trailer_extra: String,
    pub extra_objects: Vec<String>,
    pub encoding: Option<String>,
}

impl Pdf {
    pub fn page(mut self, runs: &[Run]) -> Self {
        let mut content = String::new();
        for r in runs {
            let text = r
                .text
                .replace('\\', "\\\\")
                .replace('(', "\\(")
                .replace(')', "\\)");
            content.push_str(&format!(
                "BT /{} {} Tf {} {} Td ({}) Tj ET\n",
                if r.bold { "F2" } else { "F1" },
                r.size,
                r.x,
                792.0 - r.y,
                text
            ));
        }
        // WinAnsi: the test's characters are all Latin-1.
        self.pages
            .push(content.chars().map(|c| c as u32 as u8).collect());
        self
    }

    pub fn raw_page(mut self, content: &str) -> Self {
        self.pages.push(content.as_bytes().to_vec());
        self
    }

    /// The file's bytes, with a correct cross-reference table.
    pub fn bytes(&self) -> Vec<u8> {
        let n = self.pages.len();
        // Objects: 1 catalog, 2 pages, 3 font, then page i at 4 + 2i and its
        // content at 5 + 2i, then the extra objects.
        let mut objects: Vec<Vec<u8>> = Vec::new();
        objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
        let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
        objects.push(
            format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), n).into_bytes(),
        );
        let encoding = self.encoding.as_deref().unwrap_or("WinAnsiEncoding");
        objects.push(
            format!("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /{encoding} >>")
                .into_bytes(),
        );
        // Helvetica-Bold comes last, so that extra objects keep their numbers.
        let bold = 4 + 2 * n + self.extra_objects.len();
        for (i, content) in self.pages.iter().enumerate() {
            objects.push(
                format!(
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 {bold} 0 R >> >> /Contents {} 0 R >>",
                    5 + 2 * i
                )
                .into_bytes(),
            );
            let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
            stream.extend_from_slice(content);
            stream.extend_from_slice(b"\nendstream");
            objects.push(stream);
        }
        for extra in &self.extra_objects {
            objects.push(extra.clone().into_bytes());
        }
        objects.push(
            format!(
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /{encoding} >>"
            )
            .into_bytes(),
        );
        assemble(objects, &self.trailer_extra)
    }
}

/// Numbers objects from 1, writes the xref table and trailer.
pub fn assemble(objects: Vec<Vec<u8>>, trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A LinkedIn "Save to PDF" profile as LinkedIn lays it out: a sidebar
/// (Contact, Top Skills, Languages) at the left, the main column at the
/// right (name 26pt, headline and location 12pt, headings 15.75pt,
/// companies 12pt, titles 11.5pt, dates, locations and descriptions
/// 10.5pt, at LinkedIn's line gaps), and a "Page N of M" footer on each
/// page. It tells the same story as `fixtures/linkedin/export`.
pub struct Profile {
    /// The title of the current role at Northwind.
    pub northwind_title: String,
    /// The address in the Contact sidebar ends in "(LinkedIn)".
    pub label: bool,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            northwind_title: "Staff Machine Learning Engineer".into(),
            label: true,
        }
    }
}

/// Runs written top to bottom in one column from `x`: each line at a gap
/// below the one before.
struct Column {
    x: f32,
    y: f32,
    runs: Vec<Run>,
}

impl Column {
    fn new(x: f32, y: f32) -> Self {
        Column {
            x,
            y,
            runs: Vec::new(),
        }
    }

    /// A line `gap` points below the previous one, in `size` points.
    fn line(&mut self, gap: f32, size: f32, text: &str) -> &mut Self {
        self.y += gap;
        self.runs.push(Run {
            size,
            ..run(self.x, self.y, text)
        });
        self
    }
}

/// LinkedIn's "Page N of M" footer.
fn footer(n: u32, of: u32) -> Run {
    Run {
        size: 9.0,
        ..run(270.0, 770.0, &format!("Page {n} of {of}"))
    }
}

impl Profile {
    pub fn pdf(&self) -> Pdf {
        let mut side = Column::new(21.6, 54.4);
        side.line(0.0, 13.0, "Contact")
            .line(19.4, 10.5, "riley@example.com")
            .line(24.4, 11.0, "www.linkedin.com/in/riley-sample");
        if self.label {
            side.line(14.4, 11.0, "(LinkedIn)");
        }
        side.line(35.3, 13.0, "Top Skills")
            .line(19.4, 10.5, "PyTorch")
            .line(17.6, 10.5, "Spark")
            .line(17.6, 10.5, "Kubernetes")
            .line(34.8, 13.0, "Languages")
            .line(19.4, 10.5, "English");

        let mut main = Column::new(223.6, 65.5);
        main.line(0.0, 26.0, "Riley Sample")
            .line(21.2, 12.0, "Staff Machine Learning Engineer at Northwind")
            .line(15.4, 12.0, "Lisbon, Portugal")
            .line(37.6, 15.75, "Summary")
            .line(
                25.5,
                12.0,
                "Staff ML engineer leading ranking systems across 4 product",
            )
            .line(18.0, 12.0, "teams.")
            .line(53.8, 15.75, "Experience")
            .line(30.5, 12.0, "Northwind")
            .line(16.1, 11.5, &self.northwind_title)
            .line(14.5, 10.5, "March 2021 - Present (5 years 9 months)")
            .line(14.7, 10.5, "Lisbon, Portugal")
            .line(
                21.3,
                10.5,
                "\u{95} Cut p99 latency of the ranking service by 40% with a shared feature",
            )
            .line(18.0, 10.5, "cache")
            .line(
                18.0,
                10.5,
                "\u{95} Led the ranking roadmap across 4 product teams, raising click-through",
            )
            .line(18.0, 10.5, "by 12%")
            .line(38.4, 12.0, "Contoso Ltd.")
            .line(16.5, 10.5, "3 years 2 months")
            .line(21.3, 11.5, "Senior Machine Learning Engineer")
            .line(14.5, 10.5, "April 2019 - February 2021 (1 year 11 months)")
            .line(14.7, 10.5, "Porto, Portugal")
            .line(
                21.3,
                10.5,
                "Built the demand forecasting models used by 120 stores",
            )
            .line(38.4, 11.5, "Machine Learning Engineer")
            .line(14.5, 10.5, "January 2018 - March 2019 (1 year 3 months)")
            .line(14.7, 10.5, "Porto, Portugal");
        let mut page1 = side.runs;
        page1.extend(main.runs);
        page1.push(footer(1, 2));

        let mut main = Column::new(223.6, 60.3);
        main.line(0.0, 12.0, "Fabrikam")
            .line(16.1, 11.5, "Data Analyst")
            .line(14.5, 10.5, "January 2016 - December 2017 (2 years)")
            .line(
                20.3,
                10.5,
                "Automated the weekly sales report with SQL and Airflow",
            )
            .line(57.2, 15.75, "Education")
            .line(25.5, 12.0, "University of Porto")
            .line(
                17.6,
                10.5,
                "Master of Science - MS, Computer Science \u{b7} (2014 - 2016)",
            );
        let mut page2 = main.runs;
        page2.push(footer(2, 2));
        Pdf::default().page(&page1).page(&page2)
    }
}
