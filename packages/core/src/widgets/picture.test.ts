import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings";
import { runAction } from "../testing/run-action";
import {
  accountPicture,
  accountPictureOutput,
  base64OfText,
  escapeXml,
  initialsAvatarSvg,
  readAccountPicture,
} from "./picture";

const decode = (base64: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
const ctx = { now: new Date("2025-06-30T08:00:00Z"), settings: DEFAULT_SETTINGS };
const id = "0b6f4c1e-2f43-4c6a-9a43-5b8f1b2f7d10";

describe("the initials avatar", () => {
  it("escapes everything that comes from the customer", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    const svg = initialsAvatarSvg({ initials: "<&", name: `"><script>alert(1)</script>`, seed: id });
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;&amp;</text>");
    expect(svg).toContain('aria-label="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    // Exactly the tags we wrote: nothing the name carried opened one.
    expect(svg.match(/<[a-z]/g)).toEqual(["<s", "<t", "<c", "<t"]);
  });

  it("drops characters XML cannot carry at all", () => {
    expect(escapeXml("A\u0000B\u001bC\uD800D")).toBe("ABCD");
    expect(escapeXml("😀")).toBe("😀");
  });

  it("keeps one colour per customer", () => {
    const colour = (seed: string) =>
      /fill="(#[0-9a-f]{6})"/.exec(initialsAvatarSvg({ initials: "A", name: "A", seed }))?.[1];
    expect(colour(id)).toBe(colour(id));
    expect(colour(id)).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("encodes UTF-8 text as base64", () => {
    expect(decode(base64OfText("Ștefan Țurcanu <ȘȚ>"))).toBe("Ștefan Țurcanu <ȘȚ>");
  });
});

describe("readAccountPicture", () => {
  it("answers the stored picture as it is", async () => {
    const result = await readAccountPicture(
      {
        pictureFacts: async () => ({
          firstName: "A",
          lastName: "B",
          picture: { contentType: "image/png", dataBase64: "iVBORw0KGgo=" },
        }),
      },
      { customerInternalId: id },
      ctx,
    );
    expect(result).toEqual({
      customerInternalId: id,
      hasPicture: true,
      contentType: "image/png",
      dataBase64: "iVBORw0KGgo=",
      asOf: "2025-06-30T08:00:00.000Z",
    });
  });

  it("draws the initials, escaped, when there is no picture", async () => {
    const result = await readAccountPicture(
      { pictureFacts: async () => ({ firstName: "<b>", lastName: "ștefan", picture: null }) },
      { customerInternalId: id },
      ctx,
    );
    expect(result.hasPicture).toBe(false);
    expect(result.contentType).toBe("image/svg+xml");
    const svg = decode(result.dataBase64);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain(">&lt;Ș</text>");
    expect(svg).not.toContain("<b>");
    expect(accountPictureOutput.parse(result)).toEqual(result);
  });

  it("is 400 without an id and 404 for an unknown customer", async () => {
    const source = { pictureFacts: async () => null };
    await expect(
      runAction(accountPicture, { picture: source }, { customerInternalId: "" }, ctx),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: [{ field: "customerInternalId" }],
    });
    await expect(readAccountPicture(source, { customerInternalId: id }, ctx)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
