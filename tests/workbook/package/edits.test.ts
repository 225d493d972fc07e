/** The writer's edits of the input's own parts, and its fidelity check refusing a bad patch. */
import { describe, expect, it } from "vitest";
import { OpcPackage } from "../../../src/workbook/package/opcPackage.js";
import { checkFidelity, FidelityError, leafElements } from "../../../src/workbook/xlsx/fidelity.js";
import { patchWorkbook } from "../../../src/workbook/xlsx/patchWorkbook.js";
import { SharedStrings, sharedItem } from "../../../src/workbook/xlsx/sharedStrings.js";
import { StyleBook } from "../../../src/workbook/xlsx/stylesXml.js";
import { templatePackage } from "../../../src/workbook/xlsx/template.js";
import { addSheetTitles } from "../../../src/workbook/xlsx/appXml.js";
import { definedNames, insertSheet, listWorkbookSheets, setSheetName } from "../../../src/workbook/xlsx/workbookXml.js";

const STYLES =
  `<styleSheet xmlns="m"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts count="1"><font><sz val="12"/><name val="宋体"/><family val="3"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><extLst><ext uri="u"/></extLst></styleSheet>`;

describe("styles.xml", () => {
  it("appends what ParkPlan needs after the user's styles, reusing existing formats, and inherits the default font", () => {
    const book = new StyleBook(STYLES);
    expect(book.cellXf(undefined, undefined)).toBe(0);
    expect(book.cellXf(undefined, "perMu")).toBe(2);
    expect(book.cellXf("title", undefined)).toBe(3);
    expect(book.cellXf(undefined, "perMu")).toBe(2);
    expect(book.dxf("met")).toBe(0);
    const xml = book.text();
    // The user's custom 0.0 is reused; the title font is the default's name and family at 14 pt.
    expect(xml).toContain('<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    expect(xml).toContain(
      '<fonts count="2"><font><sz val="12"/><name val="宋体"/><family val="3"/></font><font><b/><sz val="14"/><name val="宋体"/><family val="3"/></font></fonts>',
    );
    expect(xml).toContain('<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14"');
    // dxfs did not exist: inserted before extLst, which stays last.
    expect(xml).toMatch(/<\/cellXfs><dxfs count="1"><dxf>.*<\/dxf><\/dxfs><extLst><ext uri="u"\/><\/extLst><\/styleSheet>$/);
    // A second run over the result adds nothing.
    const again = new StyleBook(xml);
    expect([again.cellXf(undefined, "perMu"), again.cellXf("title", undefined), again.dxf("met")]).toEqual([2, 3, 0]);
    expect(again.text()).toBe(xml);
  });
});

describe("sharedStrings.xml", () => {
  it("escapes OOXML escapes and control characters, appends new strings and reuses known ones", () => {
    expect(sharedItem("a_x0041_\u0001b\rc")).toBe("<si><t>a_x005F_x0041__x0001_b_x000D_c</t></si>");
    expect(sharedItem(" 平台 ")).toBe('<si><t xml:space="preserve"> 平台 </t></si>');
    const sst = new SharedStrings('<sst xmlns="m" count="3" uniqueCount="2"><si><t>平台</t></si><si><r><t>富</t></r></si></sst>');
    expect([sst.of("平台"), sst.of("新"), sst.of("新")]).toEqual([0, 2, 2]);
    expect(sst.text("m")).toBe(
      '<sst xmlns="m" count="6" uniqueCount="3"><si><t>平台</t></si><si><r><t>富</t></r></si><si><t>新</t></si></sst>',
    );
  });
});

describe("workbook.xml and app.xml", () => {
  const WB = `<workbook xmlns="m" xmlns:r="r"><sheets><sheet name="甲" sheetId="1" r:id="rId1"/><sheet name="_parkplan" sheetId="3" state="veryHidden" r:id="rId3"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">x</definedName><definedName name="区">'甲'!$A$1</definedName></definedNames><calcPr calcId="1"/></workbook>`;

  it("inserts a sheet before the store, shifting the store's sheet-local names, and sets print titles", () => {
    let xml = insertSheet(WB, 1, { name: "预测", sheetId: 4, relId: "rId9", state: null }, "r:");
    expect(listWorkbookSheets(xml).map((s) => [s.name, s.sheetId, s.relId])).toEqual([
      ["甲", 1, "rId1"],
      ["预测", 4, "rId9"],
      ["_parkplan", 3, "rId3"],
    ]);
    xml = setSheetName(xml, "_xlnm.Print_Titles", 1, "'预测'!$2:$2");
    expect(definedNames(xml)).toEqual([
      { name: "_xlnm.Print_Area", localSheetId: "2", value: "x" },
      { name: "区", localSheetId: null, value: "'甲'!$A$1" },
      { name: "_xlnm.Print_Titles", localSheetId: "1", value: "'预测'!$2:$2" },
    ]);
    expect(xml).toContain('<calcPr calcId="1"/></workbook>');
  });

  it("adds sheet titles after the worksheet titles and raises the count", () => {
    const app = `<Properties><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>甲</vt:lpstr><vt:lpstr>区</vt:lpstr></vt:vector></TitlesOfParts></Properties>`;
    expect(addSheetTitles(app, ["预测", "达标"])).toBe(
      app
        .replace(
          "<vt:i4>1</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围",
          "<vt:i4>3</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围",
        )
        .replace(
          '<vt:vector size="2" baseType="lpstr"><vt:lpstr>甲</vt:lpstr>',
          '<vt:vector size="4" baseType="lpstr"><vt:lpstr>甲</vt:lpstr><vt:lpstr>预测</vt:lpstr><vt:lpstr>达标</vt:lpstr>',
        ),
    );
  });
});

describe("fidelity check", () => {
  const spec = { name: "预测", rows: [[{ v: "x" }]] };

  it("lists the leaf elements an edit must keep", () => {
    expect(leafElements('<a><b x="1"/><c>t</c><d><e/></d></a>')).toEqual(['<b x="1"/>', "<c>t</c>", "<e/>"]);
  });

  it("passes a correct patch and refuses one that changed an input part", async () => {
    const input = templatePackage();
    const pkg = OpcPackage.read(input, 1e9);
    const report = patchWorkbook(pkg, [spec], null);
    await expect(checkFidelity(OpcPackage.read(input, 1e9), pkg.toBytes(), report)).resolves.toBeUndefined();
    // The workbook part loses its calcPr: an edit may add, never drop, what it does not own.
    pkg.set("xl/workbook.xml", pkg.text("xl/workbook.xml").replace(/<calcPr[^>]*\/>/, ""));
    await expect(checkFidelity(OpcPackage.read(input, 1e9), pkg.toBytes(), report)).rejects.toThrow(FidelityError);
    await expect(checkFidelity(OpcPackage.read(input, 1e9), pkg.toBytes(), report)).rejects.toThrow(
      /^内部错误：.*calcPr.* \/ internal error: /,
    );
  });

  it("refuses a written part without a content type", async () => {
    const input = templatePackage();
    const pkg = OpcPackage.read(input, 1e9);
    const report = patchWorkbook(pkg, [spec], null);
    pkg.set(
      "[Content_Types].xml",
      pkg.text("[Content_Types].xml").replace(/<Override PartName="\/xl\/worksheets\/sheet1.xml"[^>]*\/>/, ""),
    );
    await expect(checkFidelity(OpcPackage.read(input, 1e9), pkg.toBytes(), report)).rejects.toThrow(/sheet1\.xml has no content type/);
  });
});
