use super::*;
use crate::domain::Category;
use proptest::prelude::*;

fn import(csv: &str) -> Roster {
    match parse(csv) {
        Ok(import) => import.roster,
        Err(e) => panic!("{csv}\nfailed: {e}"),
    }
}

fn error(csv: &str) -> String {
    match parse(csv) {
        Ok(import) => panic!("{csv}\nwas accepted: {:?}", import.roster),
        Err(e) => e.to_string(),
    }
}

#[test]
fn chinese_headers_and_values_with_an_excel_bom() {
    let csv = "\u{feff}姓名,職稱,單位,類別,角色\n\
               陳怡君,副主任委員,中央選舉委員會,主辦機關,召集人\n\
               周明德,理事長,臺灣公民參與協會,公民團體,共同召集人\n";
    let roster = import(csv);
    assert_eq!(roster.members.len(), 2);
    let convener = roster.convener().expect("a convener");
    assert_eq!(convener.name.text, "陳怡君");
    assert_eq!(convener.category, Category::LeadAgency);
    assert_eq!(convener.organisation.text, "中央選舉委員會");
    assert_eq!(convener.id.0, "m01");
    let co = roster.co_convener().expect("a co-convener");
    assert_eq!(co.title.text, "理事長");
    assert_eq!(co.category, Category::CivicGroup);
}

#[test]
fn the_bom_does_not_hide_the_first_column() {
    // Without stripping, the first header would read "\u{feff}name" and be unknown.
    let bytes = "\u{feff}name,category\nAlice,expert\n".as_bytes();
    let import = parse_bytes(bytes).expect("imports");
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
    assert_eq!(import.roster.members[0].name.text, "Alice");
}

#[test]
fn english_headers_values_and_translations() {
    let csv = "name,name_en,title,title_en,organization,organisation_en,category,side,seat\n\
               林志豪,Lin Chih-hao,處長,Director,中選會,CEC,Lead agency,government,convener\n\
               許雅雯,Hsu Ya-wen,研究員,Researcher,開放文化促進會,,NGO,非政府,\n";
    let roster = import(csv);
    let lin = &roster.members[0];
    assert_eq!(lin.name.english(), Some("Lin Chih-hao"));
    assert_eq!(lin.title.english(), Some("Director"));
    assert_eq!(lin.organisation.english(), Some("CEC"));
    assert_eq!(lin.seat, SeatRole::Convener);
    let hsu = &roster.members[1];
    assert_eq!(
        hsu.organisation.en, None,
        "an empty English cell is no English"
    );
    assert_eq!(hsu.category, Category::CivicGroup);
}

#[test]
fn every_category_in_both_languages() {
    for (value, category) in [
        ("主辦機關", Category::LeadAgency),
        ("LeadAgency", Category::LeadAgency),
        ("協辦機關", Category::CoOrganisingAgency),
        ("co-organizing agency", Category::CoOrganisingAgency),
        ("公民團體", Category::CivicGroup),
        ("民間組織", Category::CivicGroup),
        ("產業", Category::CivicGroup),
        ("Civic group / NGO / industry", Category::CivicGroup),
        ("專家學者", Category::IssueExpert),
        ("Issue expert", Category::IssueExpert),
        ("開放政府專家", Category::OpenGovExpert),
        ("open-government expert", Category::OpenGovExpert),
    ] {
        assert_eq!(parse_category(value), Ok(category), "{value}");
    }
}

#[test]
fn a_side_given_as_category_is_refused_with_the_choices() {
    let message = error("name,category\n王小明,政府機關\n");
    assert!(message.starts_with("line 2, column category:"), "{message}");
    assert!(message.contains("主辦機關"), "{message}");
    let message = error("name,category\n王小明,教授\n");
    assert!(message.contains("\"教授\" is not a category"), "{message}");
}

#[test]
fn a_side_that_disagrees_with_the_category_names_row_and_column() {
    let message = error("姓名,類別,屬性\n甲,公民團體,非政府\n乙,專家學者,政府\n");
    assert!(
        message.starts_with("line 3, column 屬性 (side):"),
        "{message}"
    );
    assert!(message.contains("non-government"), "{message}");
}

#[test]
fn observers_and_representatives_get_their_own_ids() {
    let csv = "姓名,單位,類別,身分,代表機關成員\n\
               李雅婷,,,代表,黃建國\n\
               黃建國,內政部戶政司,協辦機關,,\n\
               何家豪,行政院,,列席,\n\
               蘇怡安,國發會,,observer,\n";
    let roster = import(csv);
    assert_eq!(roster.members.len(), 1);
    assert_eq!(roster.members[0].id.0, "m01");
    let rep = &roster.representatives[0];
    assert_eq!(rep.id.0, "r01");
    assert_eq!(
        rep.for_member.0, "m01",
        "resolved by name, though it came first"
    );
    let ids: Vec<&str> = roster.observers.iter().map(|o| o.id.0.as_str()).collect();
    assert_eq!(ids, ["o01", "o02"]);
    assert_eq!(roster.observers[0].organisation.text, "行政院");
}

#[test]
fn generated_ids_skip_ids_the_file_gives() {
    let roster = import("id,name,category\n,甲,專家\nm01,乙,專家\n");
    let ids: Vec<&str> = roster.members.iter().map(|m| m.id.0.as_str()).collect();
    assert_eq!(ids, ["m02", "m01"]);
}

#[test]
fn two_conveners_are_refused_on_the_second_ones_line() {
    let message =
        error("name,category,seat\nA,lead agency,convener\nB,expert,\nC,co-organising,召集人\n");
    assert!(
        message.starts_with("line 4: there are two conveners"),
        "{message}"
    );
}

#[test]
fn a_government_co_convener_is_refused() {
    let message = error("name,category,seat\nA,協辦機關,共同召集人\n");
    assert!(message.starts_with("line 2:"), "{message}");
    assert!(message.contains("cannot be co-convener"), "{message}");
}

#[test]
fn a_representative_for_nobody_is_refused_with_the_reason() {
    let message = error("name,category,role,represents\nA,協辦機關,,\nB,,代表,王大明\n");
    assert!(message.starts_with("line 3:"), "{message}");
    assert!(
        message.contains("stands in for \"王大明\", who is not a member"),
        "{message}"
    );
}

#[test]
fn a_representative_needs_the_column() {
    let message = error("name,category,role\nA,協辦機關,\nB,,representative\n");
    assert!(message.contains("no represents column"), "{message}");
}

#[test]
fn duplicate_ids_name_the_later_row() {
    let message = error("id,name,category\nx,A,專家\ny,B,專家\nx,C,專家\n");
    assert!(
        message.starts_with("line 4: two people have the id \"x\""),
        "{message}"
    );
}

#[test]
fn quoted_multi_line_cells_keep_line_numbers_right() {
    let message = error("name,title,category\n\"A\",\"one\ntwo\",專家\nB,,nonsense\n");
    assert!(message.starts_with("line 4, column category:"), "{message}");
}

#[test]
fn missing_name_column_lists_accepted_names() {
    let message = error("名稱,類別\nA,專家\n");
    assert!(message.contains("no name column"), "{message}");
    assert!(message.contains("姓名"), "{message}");
}

#[test]
fn an_empty_name_is_refused() {
    let message = error("name,category\n,專家\n");
    assert!(message.starts_with("line 2, column name:"), "{message}");
}

#[test]
fn unknown_columns_are_ignored_with_a_warning() {
    let import = parse("name,category,電話\nA,專家,02-1234\n").expect("imports");
    assert_eq!(import.warnings.len(), 1);
    assert!(import.warnings[0].contains("電話"), "{:?}", import.warnings);
}

#[test]
fn a_stray_comma_is_caught() {
    let message = error("name,category\nA,專家,extra\n");
    assert!(
        message.starts_with("line 2: this row has 3 fields"),
        "{message}"
    );
}

#[test]
fn big5_bytes_are_refused_with_a_hint() {
    // "姓名" in Big5.
    let bytes = b"name,category\n\xa9\x6d\xa6\x57,expert\n";
    let message = parse_bytes(bytes).expect_err("not UTF-8").to_string();
    assert!(
        message.starts_with("line 2: the file is not UTF-8"),
        "{message}"
    );
    assert!(message.contains("CSV UTF-8"), "{message}");
}

#[test]
fn tab_separated_is_refused_with_a_hint() {
    let message = error("name\tcategory\nA\texpert\n");
    assert!(
        message.contains("separate the columns with commas"),
        "{message}"
    );
}

#[test]
fn empty_files_and_headers_alone_are_refused() {
    assert!(error("").contains("the file is empty"));
    assert!(error("\u{feff}").contains("the file is empty"));
    assert!(error("name,category\n\n").contains("no people"));
}

#[test]
fn blank_rows_are_skipped() {
    let roster = import("name,category\n\nA,專家\n,\nB,專家\n");
    assert_eq!(roster.members.len(), 2);
}

#[test]
fn an_unclosed_quote_names_its_line_and_field() {
    // The reader would take row 3's title to the end of the file, rows 4 and 5 with
    // it, and the category would be what looked wrong.
    let message = error("name,title,category\nA,處長,專家\nB,\"處長,專家\nC,科長,專家\nD,,專家\n");
    assert!(
        message.starts_with("line 3: the quote (\") that opens field 2 is never closed"),
        "{message}"
    );
}

#[test]
fn an_unclosed_quote_after_a_multi_line_value_is_found_on_its_own_line() {
    let message = error("name,title,category\n\"A\",\"one\ntwo\",\"專家\nB,,專家\n");
    assert!(
        message.starts_with("line 3: the quote (\") that opens field 3"),
        "{message}"
    );
}

#[test]
fn quotes_written_twice_and_a_quote_closed_at_the_very_end_are_not_unclosed() {
    let roster = import("name,title,category\nA,\"說 \"\"好\"\"\",專家\n\"B\",,\"專家\"");
    assert_eq!(roster.members[0].title.text, "說 \"好\"");
    assert_eq!(roster.members[1].name.text, "B");
}

// ---- any bytes ------------------------------------------------------------------------

/// The line a refusal names, or `None` for the two about the file as a whole.
fn line_named(error: &RosterCsvError) -> Option<u64> {
    match error {
        RosterCsvError::Empty | RosterCsvError::NoPeople | RosterCsvError::Io(_) => None,
        RosterCsvError::Table(table) => table.line(),
        RosterCsvError::Roster { line, .. } => Some(*line),
    }
}

/// Bytes that look like a roster often enough to get past the header and into the
/// rows and the roster's rules: a header of columns the importer knows, rows of the
/// values it knows, and now and then a stray quote, separator, line end or bytes that
/// are not UTF-8 between them; or just any bytes.
fn roster_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    /// A column's header and the values a cell of it takes: mostly ones the importer
    /// accepts, some it refuses.
    const COLUMNS: &[(&str, &[&str])] = &[
        (
            "name",
            &["A", "B", "陳怡君", "A", "", "\"q,uoted\"", "\"two\nlines\""],
        ),
        (
            "category",
            &["專家", "主辦機關", "協辦機關", "NGO", "公民團體", "", "x"],
        ),
        (
            "role",
            &[
                "",
                "",
                "",
                "representative",
                "代表",
                "observer",
                "列席",
                "x",
            ],
        ),
        (
            "seat",
            &["", "", "", "convener", "召集人", "co-convener", "x"],
        ),
        ("id", &["", "", "m01", "x", "x", "a b"]),
        ("represents", &["", "", "A", "m01", "x", "陳怡君"]),
        ("side", &["", "", "government", "非政府", "x"]),
        ("title", &["", "處長", "\"a \"\"b\"\"\""]),
        ("電話", &["", "02-1234"]),
    ];
    const NOISE: &[&str] = &[
        ",",
        "\"",
        "\n",
        "\r",
        "\t",
        ";",
        "\u{feff}",
        "\u{0}",
        "\u{1b}]0;t\u{7}",
    ];
    // Name and category nearly always: without them every row is refused alike.
    crate::store::csv_table::csv_like_bytes(COLUMNS, 2, NOISE)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Whatever the bytes, the importer answers without a panic: a roster that
    /// validates, or a refusal that names a line of the file (all but the two about
    /// the file as a whole).
    #[test]
    fn any_bytes_import_or_are_refused_with_a_line_of_the_file(bytes in roster_like_bytes()) {
        let lines = 1 + bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        match parse_bytes(&bytes) {
            Ok(import) => prop_assert!(import.roster.validate().is_ok()),
            Err(e) => {
                if let Some(line) = line_named(&e) {
                    prop_assert!((1..=lines).contains(&line), "line {} of {}: {}", line, lines, e);
                    prop_assert!(e.to_string().starts_with(&format!("line {line}")), "{}", e);
                }
            }
        }
    }
}
