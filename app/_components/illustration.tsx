import { ILLUSTRATIONS, type IllustrationId } from "@/lib/now/illustrations";
import "./illustration.css";

// Simple line drawings of positions and moves, one style for all: the person in the text
// colour (currentColor), props (floor, pillow, chair, box) in the accent colour, so they
// follow light and dark mode. Each is an image with its description as alt text.

const PERSON = { fill: "none", stroke: "currentColor", strokeWidth: 7, strokeLinecap: "round", strokeLinejoin: "round" } as const;
const PROP = { className: "figure-prop", fill: "none", strokeWidth: 4, strokeLinecap: "round", strokeLinejoin: "round" } as const;

function Head({ x, y }: { x: number; y: number }) {
  return <circle cx={x} cy={y} r={10} fill="currentColor" />;
}

// The part of the 240 x 124 drawing area each drawing uses, so lying figures are not framed by empty sky.
const VIEW_BOX: Record<IllustrationId, string> = {
  "lying-knees-bent": "0 46 240 70",
  "knees-to-chest": "0 30 240 86",
  "childs-pose": "0 56 240 60",
  "supported-sitting": "0 4 240 120",
  "safe-lifting": "0 4 240 116",
};

const DRAWINGS: Record<IllustrationId, React.ReactNode> = {
  "lying-knees-bent": (
    <>
      <path {...PROP} d="M8 108H232" />
      <rect {...PROP} x={120} y={80} width={46} height={24} rx={12} />
      <ellipse {...PROP} cx={86} cy={99} rx={12} ry={6} />
      <Head x={30} y={90} />
      <path {...PERSON} d="M44 94H108L140 64L176 102" />
      <path {...PERSON} d="M56 96L94 100" />
    </>
  ),
  "knees-to-chest": (
    <>
      <path {...PROP} d="M8 108H232" />
      <Head x={30} y={94} />
      <path {...PERSON} d="M44 98H104L78 58L116 46" />
      <path {...PERSON} d="M54 96L80 66" />
    </>
  ),
  "childs-pose": (
    <>
      <path {...PROP} d="M8 108H232" />
      <Head x={96} y={96} />
      <path {...PERSON} d="M110 96L182 76L148 103H206" />
      <path {...PERSON} d="M116 95L40 103" />
    </>
  ),
  "supported-sitting": (
    <>
      <path {...PROP} d="M8 116H232" />
      <path {...PROP} d="M78 20V84H150M88 84V114M142 84V114" />
      <ellipse {...PROP} cx={90} cy={66} rx={7} ry={12} />
      <Head x={104} y={22} />
      <path {...PERSON} d="M102 38L100 78H144L146 112" />
      <path {...PERSON} d="M102 46L114 68L134 72" />
    </>
  ),
  "safe-lifting": (
    <>
      <path {...PROP} d="M8 112H232" />
      <rect {...PROP} x={138} y={76} width={38} height={34} rx={3} />
      <Head x={104} y={24} />
      <path {...PERSON} d="M102 40L92 82L132 72L124 110" />
      <path {...PERSON} d="M102 48L128 72L142 84" />
    </>
  ),
};

export function Illustration({ id }: { id: IllustrationId }) {
  const { label, alt } = ILLUSTRATIONS[id];
  return (
    <figure className="figure" data-illustration={id}>
      <svg viewBox={VIEW_BOX[id]} role="img" aria-label={alt} focusable="false">
        {DRAWINGS[id]}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
