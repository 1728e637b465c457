// A rich-text field (coopnet.core.widgets.RichTextEditor): the textarea becomes
// django-prose-editor (Tiptap) with a toolbar for headings, paragraphs, lists, bold, italic and
// links. The textarea stays in the form and always holds the HTML; the server sanitises it as
// it does the plain textarea's. Without JavaScript none of this runs and the textarea is used.
import "./richtext-i18n.mjs";
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Editor,
  Gapcursor,
  HardBreak,
  Heading,
  History,
  Image,
  Italic,
  Link,
  ListItem,
  Menu,
  OrderedList,
  Paragraph,
  Text,
} from "../django_prose_editor/editor.js";

const TOOLBAR = [
  { group: "blockType -lists" },
  { group: "lists" },
  { group: "marks" },
  { group: "link" },
  { group: "history" },
];

// Our names for the toolbar's buttons (the library's are English only); a button we have not
// named is one this field does not offer, and is hidden.
function nameTheButtons(wrapper, options) {
  const menubar = wrapper.querySelector(".prose-menubar");
  if (!menubar) return;
  menubar.setAttribute("role", "toolbar");
  menubar.setAttribute("aria-label", options.toolbar);
  for (const button of menubar.querySelectorAll("button")) {
    const name = options.buttons[button.dataset.name];
    if (name) {
      button.setAttribute("aria-label", name);
      button.title = name;
    } else {
      button.hidden = true;
    }
  }
}

function enhance(textarea) {
  const options = JSON.parse(textarea.dataset.coopnetRichtext);
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (label && !label.id) label.id = `${textarea.id}-label`;
  const describedBy = [`${textarea.id}-hint`, textarea.getAttribute("aria-describedby")]
    .filter((id) => id && document.getElementById(id))
    .join(" ");

  const wrapper = document.createElement("div");
  wrapper.className = "prose-editor coopnet-editor";
  if (textarea.classList.contains("govuk-textarea--error")) {
    wrapper.classList.add("coopnet-editor--error");
  }
  textarea.before(wrapper);
  wrapper.append(textarea);

  const editor = new Editor({
    element: wrapper,
    // Tiptap would add a <style> element; the Content-Security-Policy refuses it, and
    // core/richtext.css has what it holds.
    injectCSS: false,
    content: textarea.value,
    extensions: [
      Document,
      Paragraph,
      Text,
      HardBreak,
      History,
      Dropcursor,
      Gapcursor,
      // Headings h2-h4 (h1 is the page's title); h4 has no button, but one in a story is kept.
      Heading.configure({ levels: [2, 3, 4] }),
      Bold,
      Italic,
      BulletList,
      OrderedList,
      ListItem,
      Link.configure({ openOnClick: false, enableTarget: false, protocols: ["mailto"] }),
      // Neither has a button, but an image or a quotation already in a story is kept.
      Image,
      Blockquote,
      Menu.configure({ groups: TOOLBAR }),
    ],
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        ...(label ? { "aria-labelledby": label.id } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        class: "coopnet-editor__text",
      },
    },
    // Tiptap builds the toolbar once the editor is made, after this constructor returns.
    onCreate() {
      nameTheButtons(wrapper, options);
    },
    onUpdate({ editor }) {
      const html = editor.getHTML();
      // An empty editor holds one empty paragraph: the field is empty.
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
    },
  });

  // The hint now describes the editor, not the HTML the plain textarea takes.
  const hint = document.getElementById(`${textarea.id}-hint`);
  if (hint && options.hint) hint.textContent = options.hint;

  // The label and the error summary's link lead to the editor, as they led to the textarea.
  const focus = (event) => {
    event.preventDefault();
    editor.commands.focus();
  };
  if (label) label.addEventListener("click", focus);
  for (const link of document.querySelectorAll(`a[href="#${textarea.id}"]`)) {
    link.addEventListener("click", focus);
  }
  return editor;
}

for (const textarea of document.querySelectorAll("textarea[data-coopnet-richtext]")) {
  enhance(textarea);
}
