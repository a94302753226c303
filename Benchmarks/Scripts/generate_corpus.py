#!/usr/bin/env python3
"""Deterministic synthetic corpus of ML paper records for PaperQL benchmarks.

    generate_corpus.py --papers N --seed S OUT.jsonl

Writes N JSON lines shaped like records of the public arXiv metadata snapshot:

    {"id": "2401.00001", "title": ..., "abstract": ..., "authors": "A. Name, B. Name and C. Name",
     "categories": "cs.CL cs.LG", "update_date": "2024-03-11"}

Every paper is invented: titles, abstracts, method names and author names are assembled from
word lists and sentence templates written for this script. The numbers in the text (parameter
counts, token counts, GPU sizes, percentages, ...) are drawn at random and describe nothing.

Determinism: the output depends only on (N, seed). All randomness comes from a single
random.Random(seed) and only through .random(), whose Mersenne Twister stream is stable across
platforms and Python versions; choices are made as int(r * len(pool)) on fixed, ordered lists.
No hash(), set or dict iteration order decides anything that is written.

Standard library only.
"""

import argparse
import bisect
import datetime
import json.encoder
import random
import re
import sys
import time

# ---------------------------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------------------------

FIRST_NAMES = (
    "Aarav Abena Adrian Agnieszka Ahmed Aiko Alejandro Alessia Ali Amara Ana Andrei Anika Anton "
    "Aryan Astrid Ayesha Beatriz Benjamin Bilal Bogdan Camila Carlos Chen Chiara Chloe Chinedu "
    "Daniel Daria Dmitri Elena Elif Emeka Emil Emma Farah Fatima Felix Fernando Freya Gabriel "
    "Giulia Hana Hannah Haruto Hassan Helena Hiroshi Ines Ingrid Isabel Ivan Jakub Jamal Jana "
    "Javier Jia Jiho Jonas Jorge Julia Kai Kamala Karim Katarzyna Kenji Kofi Laila Lars Laura "
    "Lea Leila Leon Li Liam Lina Lucas Luis Maria Mariam Marta Mateo Mei Mia Miguel Mina Ming "
    "Mohammed Nadia Naveen Nikolai Nina Noah Nour Olga Oliver Omar Pablo Paola Pedro Priya Qing "
    "Rafael Rahul Ravi Rin Rosa Ruth Sakura Samir Sara Sebastian Seo-yeon Shreya Sofia Song "
    "Sun Takeshi Tamara Tariq Thabo Theo Tomas Uma Valentina Victor Wei Xin Yara Yasmin Yi "
    "Yuki Yusuf Zainab Zhen Zoe"
).split()

SURNAMES = (
    "Abbasi Adeyemi Agarwal Ahn Alvarez Andersen Araujo Bae Bakker Banerjee Becker Bianchi "
    "Bose Brown Cai Campbell Carvalho Castro Chandra Chang Chen Cho Choi Costa Cruz Dang Das "
    "Dubois Duong Edwards Eriksson Fang Farouk Fernandes Fischer Fujita Gao Garcia Ghosh Gomez "
    "Gonzalez Gupta Haddad Hansen Hashemi He Hernandez Hoang Hoffmann Hu Huang Ibrahim Ito Iyer "
    "Jansen Jiang Johansson Joshi Kang Kapoor Kato Khan Kim Kowalski Kumar Kuznetsova Lam Larsen "
    "Le Lee Li Lim Lin Liu Lopez Lu Luo Ma Mahmoud Martin Martinez Mehta Meyer Mishra Moreau "
    "Mori Morales Nakamura Nguyen Nielsen Novak Nowak Okafor Okonkwo Oliveira Ortiz Park Patel "
    "Pereira Petrov Pham Popescu Qian Rahman Ramos Rao Reddy Ricci Rodriguez Romano Rossi Saito "
    "Santos Sato Schmidt Schneider Shah Sharma Shi Silva Singh Smith Song Sun Suzuki Tanaka Tang "
    "Tran Tsai Verma Vo Volkov Wagner Wang Watanabe Weber Wei Wong Wu Xie Xu Yamada Yang Yao Ye "
    "Yilmaz Yoshida Yu Zhang Zhao Zheng Zhou Zhu Zimmermann M\u00fcller Pe\u00f1a \u015eahin "
    "Nu\u00f1ez Bj\u00f6rk Ko\u00e7"
).split()

LAB_SLUGS = (
    "ml-lab nlp-group vision-lab efficient-ml open-research ai-systems deep-learning-lab "
    "lm-efficiency foundation-lab data-centric-ai edge-ai-lab trustworthy-ml robotics-lab "
    "speech-lab graph-learning med-ai"
).split()

PREFIXES = (
    "Flash Lite Fast Omni Deep Meta Hyper Nano Turbo Dyna Uni Auto Neo Mega Micro Sim Tri Ada "
    "Zip Swift Spark Echo Nova Atlas Orion Lumen Vela Pico Quasar Aero Helix Iris Kite Mosaic "
    "Prism Raven Sage Terra Vertex"
).split()
SUFFIXES = ["", "", "", "", "", "-X", "++", "Net", "Former", "-2", "LM", "-Pro", "Plus", "-v2"]

# ---------------------------------------------------------------------------------------------
# Topics. Each topic has noun phrases that mention it, problem statements, method clauses and a
# few sentences of its own. Shares are set by `weight` (primary topic) and by co-occurrence.
# ---------------------------------------------------------------------------------------------

TOPICS = [
    dict(key="quantization", weight=7.0, cats=["cs.LG", "cs.CL", "cs.AR"], lm=True,
         bits=0.85, speed=0.45, roots=["Quant", "Bit", "Round", "QScale", "Q"],
         tp=["post-training quantization", "low-bit quantization", "weight quantization",
             "quantization-aware training", "activation quantization", "model quantization",
             "mixed-precision quantization", "weight-only quantization"],
         weak=["suffer large accuracy drops once weights go below four bits",
               "ignore the outlier channels that dominate activation ranges",
               "require expensive calibration on large held-out sets",
               "rely on custom kernels that are hard to port across hardware"],
         mverb=["rotates weights with random orthogonal matrices before rounding them",
                "learns per-channel scaling factors that protect salient weights",
                "assigns bit-widths to layers according to their Hessian sensitivity",
                "quantizes weights and activations while keeping rare outliers in higher precision",
                "treats rounding as a layer-wise reconstruction problem solved in closed form"],
         goal=["reduce the memory footprint of large models", "serve models on commodity GPUs"],
         own=["Quantization error concentrates in a handful of channels, which we handle separately.",
              "We quantize the key and value projections as well, a setting most prior work avoids.",
              "Calibration takes minutes on a single GPU and uses a few hundred unlabeled samples."]),
    dict(key="pruning", weight=4.0, cats=["cs.LG", "cs.CV", "cs.CL"], lm=True,
         bits=0.08, speed=0.45, roots=["Prune", "Trim", "Slim", "Cut", "Shear"],
         tp=["structured pruning", "unstructured pruning", "network pruning", "one-shot pruning",
             "magnitude pruning", "layer pruning", "pruning at initialization"],
         weak=["require costly retraining after weights are removed",
               "rank weights by magnitude alone and miss their interactions",
               "fail to deliver wall-clock speed-ups on GPUs"],
         mverb=["removes whole attention heads and channels using a gradient-free importance score",
                "prunes weights in a single pass without any retraining",
                "identifies redundant layers by measuring the similarity of their representations",
                "jointly prunes connections and re-weights the ones that remain"],
         goal=["shrink networks without retraining them", "cut inference cost on existing hardware"],
         own=["Pruned models recover most of their accuracy after a short fine-tuning phase.",
              "Removing the middle layers hurts far less than removing the first or last ones."]),
    dict(key="sparsity", weight=3.0, cats=["cs.LG", "cs.AR"], lm=True,
         bits=0.05, speed=0.45, roots=["Sparse", "Spar", "Thin", "Skip"],
         tp=["activation sparsity", "sparse training", "2:4 structured sparsity", "dynamic sparsity",
             "sparse attention", "weight sparsity"],
         weak=["produce irregular sparsity patterns that hardware cannot exploit",
               "fix the sparsity mask early and never revise it"],
         mverb=["exploits contextual sparsity to skip inactive neurons at inference time",
                "keeps a fixed sparsity budget while regrowing connections during training",
                "learns block-sparse attention patterns that scale to long inputs"],
         goal=["make sparse networks fast in practice", "train sparse networks from scratch"],
         own=["More than half of the MLP activations are exactly zero for typical inputs.",
              "The sparsity pattern is chosen once per block, which keeps the kernels simple."]),
    dict(key="distillation", weight=3.5, cats=["cs.LG", "cs.CL", "cs.CV"], lm=True,
         bits=0.03, speed=0.2, roots=["Distil", "Teach", "Mentor", "Tutor"],
         tp=["knowledge distillation", "sequence-level distillation", "self-distillation",
             "data-free distillation", "distillation from larger teachers", "on-policy distillation"],
         weak=["transfer only final predictions and discard the teacher's intermediate signal",
               "assume the student and teacher share a tokenizer"],
         mverb=["transfers the reasoning traces of a large teacher into a compact student",
                "aligns intermediate representations between teacher and student",
                "distills the teacher's output distribution with a reverse KL objective"],
         goal=["compress large teachers into small students", "transfer capabilities across model sizes"],
         own=["The student is trained only on outputs sampled from the teacher.",
              "Students distilled this way generalize better than those trained on the original labels."]),
    dict(key="moe", weight=3.0, cats=["cs.LG", "cs.CL", "cs.DC"], lm=True,
         bits=0.05, speed=0.35, roots=["MoE", "Expert", "Route", "Gate"],
         tp=["mixture-of-experts", "sparse mixture-of-experts models", "expert routing",
             "MoE layers", "expert parallelism"],
         weak=["suffer from load imbalance across experts",
               "waste memory by keeping every expert resident on the GPU"],
         mverb=["routes each token to a small subset of experts with a learned, load-balanced router",
                "offloads inactive experts to CPU memory and prefetches them on demand",
                "merges redundant experts after training to cut memory use"],
         goal=["grow model capacity without growing per-token compute", "serve sparse expert models cheaply"],
         own=["Only two experts are active per token, so compute stays close to that of a dense model.",
              "Experts specialise by syntax rather than by topic, contrary to common belief."]),
    dict(key="peft", weight=3.5, cats=["cs.CL", "cs.LG"], lm=True,
         bits=0.06, speed=0.1, roots=["LoRA", "Adapt", "Tune", "Rank"],
         tp=["parameter-efficient fine-tuning", "low-rank adaptation (LoRA)", "LoRA",
             "adapter tuning", "prompt tuning", "prefix tuning", "adapters"],
         weak=["lag behind full fine-tuning on harder tasks",
               "add latency at inference time", "use a single rank for every layer"],
         mverb=["allocates LoRA ranks across layers according to their importance",
                "inserts lightweight adapters into each transformer block while freezing the backbone",
                "splits weight updates into magnitude and direction components",
                "shares low-rank adapters across tasks through a small hypernetwork"],
         goal=["adapt large models with little memory", "fine-tune many tasks on one backbone"],
         own=["Only a tiny fraction of the weights is updated, so each task adds a few megabytes.",
              "The adapters can be merged into the base weights after training."]),
    dict(key="scaling-laws", weight=2.4, cats=["cs.LG", "cs.CL", "stat.ML"], lm=True,
         bits=0.02, speed=0.02, roots=["Scale", "Law", "Power"],
         tp=["scaling laws", "compute-optimal scaling", "neural scaling laws", "scaling behaviour",
             "data-constrained scaling"],
         weak=["extrapolate from too few training runs", "ignore the effect of data repetition"],
         mverb=["fits power laws to the loss of over a hundred training runs",
                "predicts downstream accuracy from small-scale experiments",
                "derives the compute-optimal ratio of training tokens to model size"],
         goal=["predict the loss of large training runs", "allocate a fixed compute budget"],
         own=["Loss follows a smooth power law in compute over four orders of magnitude.",
              "Repeating data for up to four epochs is almost as good as using fresh data."]),
    dict(key="efficient-inference", weight=4.5, cats=["cs.CL", "cs.LG", "cs.DC"], lm=True,
         bits=0.25, speed=0.75, roots=["Spec", "Cache", "Draft", "Serve", "Flash"],
         tp=["efficient inference", "speculative decoding", "KV cache compression",
             "inference acceleration", "KV cache eviction", "early exiting", "efficient LLM serving"],
         weak=["leave the memory-bound decoding phase untouched",
               "keep the entire KV cache in GPU memory even for long contexts"],
         mverb=["drafts several tokens with a small model and verifies them in parallel",
                "evicts unimportant entries from the KV cache using attention statistics",
                "compresses the KV cache with per-head quantization",
                "batches requests with a paged memory manager to raise throughput"],
         goal=["reduce decoding latency", "raise serving throughput"],
         own=["Decoding is bound by memory bandwidth, not arithmetic, at small batch sizes.",
              "The output distribution is provably identical to that of the original model."]),
    dict(key="efficient-training", weight=3.0, cats=["cs.LG", "cs.DC"], lm=True,
         bits=0.12, speed=0.45, roots=["Train", "Grad", "Opt", "Step"],
         tp=["efficient training", "memory-efficient training", "mixed-precision training",
             "training efficiency", "low-cost pretraining", "gradient checkpointing"],
         weak=["store full optimizer states for every parameter",
               "waste accelerator time waiting on communication"],
         mverb=["projects gradients onto a low-rank subspace to cut optimizer memory",
                "overlaps communication with computation across data-parallel workers",
                "trains in FP8 with dynamic loss scaling",
                "skips redundant training examples selected by a cheap proxy model"],
         goal=["lower the cost of pretraining", "train larger models on the same hardware"],
         own=["Optimizer states account for most of the memory used during training.",
              "Training remains stable without any change to the learning-rate schedule."]),
    dict(key="small-models", weight=3.0, cats=["cs.CL", "cs.LG"], lm=True,
         bits=0.2, speed=0.25, roots=["Tiny", "Mini", "Nano", "Pocket", "Edge"],
         tp=["small language models", "on-device models", "compact models for edge devices",
             "tiny models", "mobile-friendly architectures", "on-device inference"],
         weak=["assume server-class accelerators", "shrink models by simply scaling down every layer"],
         mverb=["runs entirely on a smartphone without network access",
                "trades depth for width to fit the memory of edge devices",
                "is trained on carefully filtered synthetic data"],
         goal=["bring language models to phones", "run models on microcontrollers"],
         own=["The whole model fits in the memory of a mid-range phone.",
              "Deeper and thinner models are better at this scale than wide and shallow ones."]),
    dict(key="nas", weight=2.3, cats=["cs.LG", "cs.NE", "cs.CV"], lm=False,
         bits=0.06, speed=0.3, roots=["NAS", "Search", "Arch", "Evo"],
         tp=["neural architecture search", "NAS", "hardware-aware architecture search",
             "differentiable architecture search", "zero-cost NAS proxies"],
         weak=["need thousands of GPU hours per search", "rank architectures poorly at the start of training"],
         mverb=["searches over layer widths and depths with a weight-sharing supernet",
                "predicts architecture quality with a training-free proxy",
                "optimizes latency and accuracy jointly with an evolutionary search"],
         goal=["find architectures for a latency budget", "automate network design"],
         own=["The search finishes in under a day on one GPU.",
              "Searched architectures transfer across datasets without a new search."]),
    dict(key="llm", weight=7.0, cats=["cs.CL", "cs.AI", "cs.LG"], lm=True,
         bits=0.03, speed=0.05, roots=["LM", "GPT", "Lang", "Chat", "Text"],
         tp=["large language models", "LLMs", "large language model pretraining",
             "instruction-tuned LLMs", "open LLMs", "decoder-only language models"],
         weak=["hallucinate facts that are absent from their training data",
               "degrade sharply on inputs longer than those seen in training"],
         mverb=["augments the pretraining mixture with curated instruction data",
                "extends the context window through position interpolation",
                "improves factuality by contrasting predictions from different layers"],
         goal=["make LLMs more reliable", "extend what LLMs can do"],
         own=["LLMs trained this way follow instructions better without extra human labels.",
              "The gains are largest on knowledge-intensive questions."]),
    dict(key="vision", weight=4.5, cats=["cs.CV", "cs.LG"], lm=False,
         bits=0.04, speed=0.12, roots=["Vi", "Seg", "Det", "Pix", "Vision"],
         tp=["image classification", "vision transformers", "object detection", "semantic segmentation",
             "visual recognition", "self-supervised visual representation learning"],
         weak=["need large labelled image collections", "transfer poorly to dense prediction tasks"],
         mverb=["replaces global attention with windowed attention over image patches",
                "learns dense features with a masked image modeling objective",
                "detects objects with a query-based decoder and no hand-crafted anchors"],
         goal=["learn visual features without labels", "recognize objects in cluttered scenes"],
         own=["Images are split into non-overlapping patches that are embedded linearly.",
              "Features learned this way transfer to detection and segmentation."]),
    dict(key="multimodal", weight=3.5, cats=["cs.CV", "cs.CL", "cs.MM"], lm=True,
         bits=0.03, speed=0.08, roots=["VL", "Omni", "Lens", "Mix"],
         tp=["vision-language models", "multimodal large language models", "multimodal learning",
             "image-text pretraining", "vision-language alignment"],
         weak=["describe objects that are not in the image", "struggle with fine-grained visual details"],
         mverb=["connects a frozen image encoder to a language model through a lightweight projector",
                "aligns images and captions with a contrastive objective",
                "interleaves image and text tokens in a single autoregressive stream"],
         goal=["ground language in images", "answer questions about images and video"],
         own=["Visual tokens are compressed before they reach the language model.",
              "A small amount of high-resolution data matters more than a large amount of web data."]),
    dict(key="diffusion", weight=3.0, cats=["cs.CV", "cs.LG"], lm=False,
         bits=0.06, speed=0.3, roots=["Diff", "Dream", "Denoise", "Flow"],
         tp=["diffusion models", "text-to-image diffusion", "latent diffusion",
             "score-based generative models", "video diffusion models"],
         weak=["need dozens of network evaluations per sample", "ignore spatial layout in the prompt"],
         mverb=["reduces sampling to four steps through consistency distillation",
                "conditions the denoiser on layout and text jointly",
                "caches intermediate features across denoising steps"],
         goal=["generate images from text", "synthesize video"],
         own=["Samples are produced in the latent space of a pretrained autoencoder.",
              "Sample quality degrades gracefully as the number of steps is reduced."]),
    dict(key="speech", weight=2.6, cats=["eess.AS", "cs.CL", "cs.SD"], lm=False,
         bits=0.05, speed=0.15, roots=["Speech", "Voice", "Audio", "Sonic"],
         tp=["automatic speech recognition", "speech recognition", "text-to-speech synthesis",
             "speech representation learning", "spoken language understanding", "audio language models"],
         weak=["degrade on accented and noisy speech", "require large transcribed corpora"],
         mverb=["transcribes speech in streaming mode with a chunked attention encoder",
                "learns discrete speech units from unlabeled audio",
                "synthesizes natural speech from a few seconds of reference audio"],
         goal=["recognize speech in low-resource languages", "synthesize expressive speech"],
         own=["Word error rate drops most on spontaneous conversational speech.",
              "Listeners rated the synthesized speech close to human recordings."]),
    dict(key="reasoning", weight=3.5, cats=["cs.CL", "cs.AI"], lm=True,
         bits=0.02, speed=0.05, roots=["Reason", "Think", "Step", "Logic"],
         tp=["chain-of-thought reasoning", "mathematical reasoning", "multi-step reasoning",
             "reasoning in language models", "test-time reasoning"],
         weak=["accept reasoning chains that reach the right answer for the wrong reasons",
               "spend the same compute on easy and hard problems"],
         mverb=["samples several reasoning paths and keeps the most consistent answer",
                "trains a verifier to score intermediate reasoning steps",
                "teaches the model to break problems into simpler sub-questions"],
         goal=["solve multi-step math problems", "make reasoning faithful"],
         own=["Longer chains of thought help on hard problems but hurt on easy ones.",
              "Process supervision catches errors that outcome supervision misses."]),
    dict(key="alignment", weight=3.0, cats=["cs.CL", "cs.AI", "cs.LG"], lm=True,
         bits=0.02, speed=0.05, roots=["Align", "Pref", "Reward", "Safe"],
         tp=["alignment", "reinforcement learning from human feedback (RLHF)",
             "direct preference optimization (DPO)", "preference optimization", "safety alignment",
             "reward modeling"],
         weak=["overfit the reward model and exploit its blind spots",
               "need large amounts of human preference data"],
         mverb=["optimizes the policy directly on preference pairs without a separate reward model",
                "regularizes the reward model to resist reward hacking",
                "learns from AI feedback guided by a short written set of principles"],
         goal=["align models with human preferences", "make assistants harmless and helpful"],
         own=["Human raters preferred the aligned model in most head-to-head comparisons.",
              "RLHF improves helpfulness but can reduce output diversity."]),
    dict(key="benchmark", weight=3.0, cats=["cs.CL", "cs.AI", "cs.CV"], lm=True, needs2=True,
         bits=0.02, speed=0.02, roots=["Bench", "Eval", "Test", "Arena"],
         tp=["benchmark", "evaluation benchmark", "benchmarking", "evaluation suite"],
         weak=["are saturated by current models", "leak into the pretraining data of the models they test"],
         mverb=["collects expert-written questions that current models cannot answer by memorization",
                "scores open-ended answers with rubric-guided judges",
                "measures robustness under controlled perturbations of each item"],
         goal=["measure progress reliably", "compare models on equal footing"],
         own=["We introduce {name}, a benchmark of {nitems} problems for evaluating {tp2}.",
              "We benchmark {nmodels} models on {name} and find a large gap to human performance.",
              "Items are checked by at least two annotators, and ambiguous ones are removed."]),
    dict(key="survey", weight=2.6, cats=["cs.LG", "cs.AI", "cs.CL"], lm=False, needs2=True,
         bits=0.02, speed=0.02, roots=["Survey"],
         tp=["survey", "comprehensive survey", "systematic literature review"],
         weak=["treat related techniques in isolation", "predate the most recent advances"],
         mverb=["organizes existing methods into a unified taxonomy",
                "compares representative methods under a shared experimental protocol"],
         goal=["map a fast-moving field", "help newcomers enter the area"],
         own=["This survey reviews recent advances in {tp2}.",
              "We review more than {nsurveyed} papers published since {year} and group them into {ncats} categories.",
              "We close the survey with open problems and promising directions for future research.",
              "In this survey, we summarise the main families of methods for {tp2} and their trade-offs."]),
    dict(key="medical", weight=2.2, cats=["cs.CV", "cs.CL", "eess.IV"], lm=False,
         bits=0.03, speed=0.05, roots=["Med", "Clinic", "Health", "Care"],
         tp=["medical imaging", "clinical natural language processing", "medical question answering",
             "clinical decision support", "healthcare applications"],
         weak=["are validated on data from a single hospital", "ignore uncertainty in their predictions"],
         mverb=["grounds answers in retrieved clinical guidelines",
                "segments tumours in MRI scans with few labelled examples",
                "extracts medication information from clinical notes"],
         goal=["support clinicians", "diagnose disease from images"],
         own=["Radiologists rated the generated reports as clinically acceptable in most cases.",
              "The model was validated on data from three hospitals not seen in training."]),
    dict(key="code", weight=2.5, cats=["cs.SE", "cs.CL", "cs.LG"], lm=True,
         bits=0.02, speed=0.05, roots=["Code", "Coder", "Prog", "Synth"],
         tp=["code generation", "program synthesis", "code language models", "automated program repair",
             "code completion"],
         weak=["generate code that compiles but fails its tests", "ignore context from the rest of the repository"],
         mverb=["generates programs and refines them with execution feedback",
                "retrieves relevant repository context before completing code",
                "learns from unit-test outcomes through reinforcement learning"],
         goal=["write correct programs from natural language", "fix bugs automatically"],
         own=["Generated programs are executed in a sandbox against hidden tests.",
              "Execution feedback fixes most syntax errors within two rounds."]),
    dict(key="theory", weight=2.0, cats=["cs.LG", "stat.ML", "math.OC"], lm=False,
         bits=0.01, speed=0.01, roots=["Theory"],
         tp=["the theory of deep learning", "generalization bounds", "optimization theory",
             "the theory of in-context learning", "statistical learning theory"],
         weak=["rely on assumptions that real networks violate", "give bounds that are vacuous in practice"],
         mverb=["characterizes the implicit bias of gradient descent on this problem class",
                "establishes a tight generalization bound for overparameterized transformers"],
         goal=["explain why overparameterized networks generalize", "understand training dynamics"],
         own=["We prove that gradient descent converges to a max-margin solution at a linear rate.",
              "We prove a matching lower bound, showing that the rate cannot be improved in general.",
              "Our main theorem shows that a single attention layer can implement one step of gradient descent.",
              "We prove that the excess risk decays polynomially in the number of samples."]),
    dict(key="graph", weight=2.0, cats=["cs.LG", "cs.SI"], lm=False,
         bits=0.03, speed=0.12, roots=["Graph", "GNN", "Node", "Hop"],
         tp=["graph neural networks", "GNNs", "graph representation learning",
             "message passing neural networks", "graph transformers"],
         weak=["over-smooth node features as depth grows", "cannot distinguish simple non-isomorphic graphs"],
         mverb=["aggregates messages from multi-hop neighborhoods with learned attention",
                "mitigates over-smoothing through residual connections",
                "encodes graph structure with spectral positional encodings"],
         goal=["learn on molecules and social networks", "predict links in large graphs"],
         own=["Our GNN scales to graphs with millions of nodes through neighbor sampling.",
              "Deeper graph neural networks help only when long-range interactions matter."]),
    dict(key="time-series", weight=2.0, cats=["cs.LG", "stat.ML"], lm=False,
         bits=0.02, speed=0.12, roots=["Time", "Chrono", "Season", "Patch", "Tempo"],
         tp=["time series forecasting", "long-term time series forecasting", "multivariate forecasting",
             "time series foundation models", "anomaly detection in time series"],
         weak=["mix channels in ways that amplify noise", "fail on horizons longer than the input window"],
         mverb=["splits each series into patches and forecasts them with a channel-independent transformer",
                "decomposes series into trend and seasonal components",
                "pretrains on a large collection of public time series"],
         goal=["forecast demand and energy load", "detect anomalies in sensor data"],
         own=["A simple linear model remains a strong baseline for long-horizon forecasting.",
              "Zero-shot forecasts rival those of models trained on the target series."]),
    dict(key="retrieval", weight=2.5, cats=["cs.CL", "cs.IR"], lm=True,
         bits=0.02, speed=0.1, roots=["Retro", "RAG", "Fetch", "Recall"],
         tp=["retrieval-augmented generation (RAG)", "retrieval-augmented generation", "dense retrieval",
             "RAG pipelines", "retrieval-augmented language models"],
         weak=["retrieve once and cannot recover from a bad first query",
               "pass noisy passages to the generator unfiltered"],
         mverb=["retrieves passages iteratively and decides when more retrieval is needed",
                "trains the retriever and the generator jointly",
                "compresses retrieved documents into short summaries before generation"],
         goal=["ground answers in external knowledge", "keep models up to date without retraining"],
         own=["Retrieval helps most on questions about rare entities.",
              "Irrelevant passages hurt more than missing ones."]),
    dict(key="agents", weight=2.5, cats=["cs.AI", "cs.CL", "cs.MA"], lm=True,
         bits=0.02, speed=0.05, roots=["Agent", "Tool", "Act", "Plan"],
         tp=["LLM agents", "tool use", "autonomous agents", "language agents",
             "tool-augmented language models", "multi-agent systems"],
         weak=["break down on long-horizon tasks", "call tools without checking their outputs"],
         mverb=["plans, calls external tools and reflects on its failures",
                "learns when to call APIs from a few demonstrations",
                "coordinates several specialised agents through a shared memory"],
         goal=["automate multi-step tasks on the web", "use software tools reliably"],
         own=["The agent browses websites, runs code and edits files to complete each task.",
              "Most failures come from wrong tool arguments rather than wrong plans."]),
    dict(key="robotics", weight=2.0, cats=["cs.RO", "cs.LG", "cs.CV"], lm=False,
         bits=0.03, speed=0.08, roots=["Robo", "Grasp", "Motion", "Reach"],
         tp=["robotic manipulation", "robot learning", "embodied AI", "vision-language-action models",
             "legged locomotion"],
         weak=["need many real-world demonstrations", "fail to transfer from simulation to real robots"],
         mverb=["maps camera images and instructions directly to robot actions",
                "learns manipulation skills from human videos",
                "transfers policies from simulation to real robots"],
         goal=["teach robots new skills quickly", "control robots from language instructions"],
         own=["Policies are trained in simulation and deployed on a real robot arm without fine-tuning.",
              "The robot completes long-horizon kitchen tasks from a single instruction."]),
]

# ---------------------------------------------------------------------------------------------
# Generic pools used by the sentence templates
# ---------------------------------------------------------------------------------------------

POOLS = dict(
    adj=["efficient", "scalable", "robust", "lightweight", "principled", "simple", "unified",
         "adaptive", "data-efficient", "hardware-aware", "training-free", "general-purpose",
         "memory-efficient", "fast", "accurate", "practical", "modular", "plug-and-play"],
    framework=["framework", "method", "approach", "algorithm", "technique", "recipe", "pipeline"],
    mgen=["large neural networks", "foundation models", "deep learning models", "modern transformers",
          "pretrained models", "neural networks"],
    concern=["latency and memory", "cost and reliability", "robustness", "energy use", "privacy",
             "evaluation"],
    quality=["accuracy", "output quality", "generality", "robustness", "stability"],
    capability=["strong results on a wide range of tasks", "new applications",
                "impressive zero-shot performance"],
    challenge=["its cost remains a major barrier", "its failure modes are poorly understood",
               "reproducing published results remains difficult", "progress is hard to measure"],
    challenge_n=["several open challenges", "unresolved questions of cost and reliability",
                 "a gap between benchmark results and real-world use"],
    gweak=["trade accuracy for efficiency in ways that are hard to predict",
           "depend on heuristics tuned for a single setting",
           "were evaluated on narrow benchmarks only",
           "scale poorly to larger models and datasets"],
    setting=["resource-constrained settings", "production systems", "low-resource languages",
             "latency-critical applications", "long-context scenarios", "privacy-sensitive domains"],
    obstacle=["the relevant signal is sparse and noisy", "errors compound across steps",
              "ground-truth labels are expensive to obtain", "the search space grows exponentially"],
    consequence=["wasted compute and unstable results", "brittle behaviour under distribution shift",
                 "results that do not transfer across models"],
    insight=["most of the useful signal lives in a low-dimensional subspace",
             "a small number of components account for most of the error",
             "existing models already contain the required information but fail to use it",
             "the difficulty of an input can be estimated before it is processed"],
    formulation=["a constrained optimization problem", "a sequential decision problem",
                  "a bilevel optimization problem", "a matching problem", "a regression problem"],
    solver=["an efficient greedy algorithm", "alternating minimization", "a lightweight policy network",
            "dynamic programming", "stochastic gradient descent"],
    contrast=["requires no additional training", "makes no assumptions about the model architecture",
              "works with off-the-shelf models", "operates on a single GPU",
              "uses only publicly available data"],
    lens=["information theory", "optimization", "representation geometry", "causal inference",
          "signal processing"],
    requirement=["no labelled data", "only a few minutes of computation", "a single forward pass",
                 "no changes to the underlying model", "a small calibration set"],
    component=["a lightweight gating module", "a curriculum over training examples",
               "an auxiliary consistency loss", "a learned scheduler", "a caching layer",
               "a calibration step"],
    purpose=["stabilize training", "reduce redundant computation", "handle rare inputs",
             "improve generalization", "balance accuracy and cost"],
    finding=["larger models benefit more from our method",
             "simple baselines are stronger than commonly reported",
             "performance saturates earlier than expected",
             "the choice of data matters more than the choice of architecture",
             "most errors come from a small set of hard examples"],
    overhead=["negligible overhead", "less than one percent extra compute",
              "only a few lines of code", "no extra memory at inference time"],
    theory_piece=["a theoretical analysis", "a convergence guarantee", "an error bound",
                  "a formal characterization"],
    what=["when the method succeeds", "the observed gains", "why prior methods fail"],
    property=["is orthogonal to existing compression methods", "scales to very long inputs",
              "is robust to the choice of hyperparameters", "works across architectures"],
    base=["strong baselines", "state-of-the-art methods", "prior work", "the dense baseline",
          "full fine-tuning", "existing approaches", "competitive open-source systems",
          "the previous best results", "standard fine-tuning", "recent specialised methods"],
    rverb=["outperforms", "consistently improves over", "matches or exceeds", "surpasses",
           "compares favourably with"],
    scope=["model families and sizes", "tasks and domains", "languages", "hardware platforms",
           "random seeds and data orders"],
    frac=["a quarter", "half", "a fraction", "one third", "a tenth"],
    resource=["compute", "memory", "training data", "parameters", "labelled examples"],
    cost=["memory usage", "inference latency", "training cost", "energy consumption", "storage"],
    effclause=["using substantially less memory", "running faster at inference",
               "requiring no extra training", "using fewer labelled examples"],
    closing=["We hope this work serves as a foundation for future research on {tp}.",
             "Our findings offer practical guidance for practitioners working on {tp}.",
             "We believe these results open new directions for {tp}.",
             "Taken together, our results call for a re-examination of common practice in {tp}."],
    corpus=["web text", "a filtered Common Crawl snapshot", "books and scientific articles",
            "a mixture of code and natural language", "public instruction datasets"],
    hw=["an A100 GPU", "an H100 GPU", "a consumer RTX 4090", "a laptop CPU", "a Raspberry Pi 5",
        "a Jetson Orin board", "an Apple M2 chip", "a TPU v4 pod"],
)

# Evaluation vocabulary per research domain, so that datasets, tasks and metrics fit the topic.
DOMAINS = dict(
    nlp=dict(
        data=["GLUE", "SuperGLUE", "MMLU", "GSM8K", "MATH", "WikiText-103", "C4", "SQuAD",
              "Natural Questions", "HotpotQA", "TruthfulQA", "HellaSwag", "ARC-Challenge",
              "BIG-Bench Hard", "AlpacaEval", "MT-Bench", "PIQA", "WinoGrande", "LAMBADA", "XSum",
              "LongBench", "the Pile"],
        task=["language modeling", "question answering", "machine translation", "summarization",
              "instruction following", "commonsense reasoning", "text classification", "dialogue",
              "long-context understanding", "mathematical reasoning"],
        pmetric=["accuracy", "exact match", "F1", "win rate", "zero-shot accuracy"],
        nongen=["several open-source language models", "BERT and RoBERTa", "GPT-2 and T5",
                "widely used open models", "several instruction-tuned models",
                "encoder-decoder and decoder-only models", "a range of pretrained transformers"]),
    vision=dict(
        data=["ImageNet", "COCO", "ADE20K", "CIFAR-10", "CIFAR-100", "Pascal VOC", "Cityscapes",
              "LVIS", "ImageNet-1K", "iNaturalist"],
        task=["image classification", "object detection", "semantic segmentation",
              "instance segmentation", "fine-grained recognition"],
        pmetric=["top-1 accuracy", "mAP", "mIoU", "accuracy"],
        nongen=["ResNet-50 and ViT-B/16 backbones", "Swin and ConvNeXt backbones",
                "standard convolutional and transformer backbones", "MobileNetV3 and EfficientNet"]),
    mm=dict(
        data=["VQAv2", "ScienceQA", "MMMU", "TextVQA", "COCO Captions", "GQA", "MME", "POPE",
              "MathVista", "Video-MME"],
        task=["visual question answering", "image captioning", "visual grounding",
              "video understanding", "document understanding"],
        pmetric=["accuracy", "exact match", "grounding accuracy"],
        nongen=["CLIP and SigLIP encoders", "LLaVA-style models", "open vision-language models",
                "BLIP-2 and InstructBLIP"]),
    gen=dict(
        data=["MS-COCO", "ImageNet 256x256", "LAION-Aesthetics", "UCF-101", "DrawBench",
              "PartiPrompts", "GenEval", "CelebA-HQ"],
        task=["text-to-image generation", "class-conditional generation", "video generation",
              "image editing", "inpainting"],
        pmetric=["human preference rate", "prompt alignment accuracy", "win rate"],
        nongen=["Stable Diffusion", "DiT backbones", "latent diffusion models",
                "pixel-space and latent-space diffusion models"]),
    speech=dict(
        data=["LibriSpeech", "Common Voice", "VoxPopuli", "FLEURS", "LJSpeech", "TED-LIUM",
              "Switchboard", "AISHELL-1"],
        task=["speech recognition", "speech translation", "speaker verification",
              "text-to-speech synthesis", "keyword spotting"],
        pmetric=["relative word error rate reduction", "intent accuracy", "keyword spotting accuracy"],
        nongen=["Conformer and wav2vec 2.0 encoders", "Whisper models", "HuBERT and WavLM",
                "streaming transducer models"]),
    graph=dict(
        data=["Cora", "Citeseer", "PubMed", "ogbn-arxiv", "ogbn-products", "ZINC", "QM9",
              "ogbl-collab"],
        task=["node classification", "link prediction", "graph classification",
              "molecular property prediction"],
        pmetric=["accuracy", "ROC-AUC", "Hits@50"],
        nongen=["GCN, GAT and GraphSAGE backbones", "graph transformers", "message-passing baselines"]),
    ts=dict(
        data=["ETTh1", "ETTm2", "the Electricity dataset", "Traffic", "Weather", "M4", "Exchange",
              "ILI"],
        task=["long-horizon forecasting", "short-term forecasting", "anomaly detection",
              "imputation"],
        pmetric=["reduction in MSE", "reduction in MAE", "anomaly detection F1"],
        nongen=["PatchTST and DLinear", "transformer forecasters", "classical and deep forecasters"]),
    code=dict(
        data=["HumanEval", "MBPP", "SWE-bench", "LiveCodeBench", "APPS", "CodeContests", "DS-1000",
              "HumanEval+"],
        task=["code completion", "program repair", "code generation", "test generation",
              "repository-level coding"],
        pmetric=["pass@1", "pass@10", "resolve rate"],
        nongen=["open code models", "StarCoder and CodeLlama models", "several code LLMs"]),
    agents=dict(
        data=["WebArena", "ALFWorld", "SWE-bench", "GAIA", "ToolBench", "Mind2Web", "AgentBench",
              "OSWorld"],
        task=["web navigation", "tool use", "household tasks", "software engineering tasks",
              "multi-step planning"],
        pmetric=["success rate", "task completion rate"],
        nongen=["GPT-4 and open-weight models", "several open and proprietary LLMs",
                "open instruction-tuned models"]),
    robotics=dict(
        data=["Meta-World", "RLBench", "CALVIN", "LIBERO", "Open X-Embodiment", "ManiSkill"],
        task=["tabletop manipulation", "navigation", "legged locomotion", "pick-and-place",
              "long-horizon manipulation"],
        pmetric=["success rate", "task completion rate"],
        nongen=["diffusion policies", "transformer policies", "behaviour cloning baselines"]),
    medical=dict(
        data=["MIMIC-III", "MIMIC-CXR", "MedQA", "PubMedQA", "BraTS", "CheXpert", "MedMCQA",
              "the ISIC skin lesion dataset"],
        task=["medical question answering", "radiology report generation", "tumour segmentation",
              "clinical note classification", "diagnosis prediction"],
        pmetric=["accuracy", "Dice score", "AUROC", "F1"],
        nongen=["domain-adapted language models", "U-Net backbones", "general-purpose and medical LLMs"]),
    theory=dict(
        data=["synthetic regression tasks", "CIFAR-10", "MNIST", "modular arithmetic",
              "sparse parity problems"],
        task=["linear regression", "binary classification", "in-context regression",
              "matrix factorization"],
        pmetric=["test accuracy"],
        nongen=["two-layer networks", "linear transformers", "deep linear networks",
                "small transformers trained from scratch"]),
)
TOPIC_DOMAIN = {"nas": "vision", "vision": "vision", "multimodal": "mm", "diffusion": "gen",
                "speech": "speech", "graph": "graph", "time-series": "ts", "code": "code",
                "agents": "agents", "robotics": "robotics", "medical": "medical", "theory": "theory"}
# every other topic uses "nlp"; surveys and benchmarks use the domain of their subject topic


# Sentence templates. {x} picks from pool x; {X} picks from the capitalised pool x.
OPENERS = [
    "{Tps} has emerged as a key technique to {goal}.",
    "Recent progress in {tp} has enabled {capability}, but {challenge}.",
    "{Tps} is widely used to {goal}, yet its behaviour on {task} remains poorly understood.",
    "Over the past few years, {tps} has attracted growing attention from both academia and industry.",
    "As {mgen} continue to grow, {tps} becomes increasingly important for {concern}.",
    "Deploying {mgen} in practice requires careful attention to {concern}.",
    "A central question in {tp} is how to {goal} without sacrificing {quality}.",
    "Despite rapid progress, {tps} still faces {challenge_n}.",
    "Many real-world applications of {task} depend on {tp}.",
    "{Tps} offers a promising path to {goal}.",
    "The success of {mgen} has renewed interest in {tp}.",
    "Practitioners increasingly turn to {tp} to {goal}.",
]
PROBLEMS = [
    "However, existing approaches {weak}.",
    "Unfortunately, most prior methods {weak}, which limits their use in {setting}.",
    "Current solutions either {weak} or {weak}.",
    "In practice, this leads to {consequence}.",
    "A key obstacle is that {obstacle}.",
    "These limitations are especially severe in {setting}.",
    "Moreover, the interaction between {tp} and {tp2} has received little attention.",
    "Prior work has largely overlooked the fact that existing methods {weak}.",
]
METHODS = [
    "In this paper, we propose {name}, {a_adj} {tp} {framework} that {mverb}.",
    "We introduce {name}, {a_adj} {framework} which {mverb}.",
    "To address these issues, we present {name}, {a_adj} {framework} for {tp} that {mverb}.",
    "This work presents {name}, which {mverb}.",
    "We propose {name}: {a_adj} {framework} that {mverb_pair}.",
    "Here we describe {name}, a {framework} for {tp} that {mverb}.",
]
DETAILS = [
    "Our key insight is that {insight}.",
    "We formulate the problem as {formulation} and solve it with {solver}.",
    "Unlike prior work, our approach {contrast}.",
    "This work studies {tp} from the perspective of {lens}.",
    "The {framework} is {adj} and requires {requirement}.",
    "We further introduce {component} to {purpose}.",
    "Our analysis reveals that {finding}.",
    "The resulting procedure is simple to implement and adds {overhead}.",
    "We also provide {theory_piece} that explains {what}.",
    "Ablation studies confirm that each component contributes to the final performance.",
    "Importantly, {name} {property}.",
    "We discuss the limitations of our approach and outline directions for future work.",
    "Concretely, {name} {mverb}.",
    "In addition, we design {component} that helps {purpose}.",
    "We observe that {finding}.",
    "{Own}",
    "{Own}",
]
SURVEY_EXTRA = [
    "For each family of methods, we discuss its assumptions, strengths and weaknesses.",
    "We also summarise commonly used datasets such as {data} and {data}, together with their evaluation protocols.",
    "Our analysis reveals that {finding}.",
    "Finally, we maintain a curated list of resources that will be updated regularly.",
    "We compare representative methods on {data} under a common protocol.",
    "Particular attention is paid to {setting}.",
    "We also discuss how {tp} interacts with {concern}.",
]
SECONDARY = [
    "We further show that {name} is complementary to {tp2} and can be combined with it for additional gains.",
    "We also apply {name} to {tp2}, where it yields consistent improvements.",
    "Our study also sheds light on {tp2}.",
    "Beyond {tp}, we find that the same idea benefits {tp2}.",
    "{Own2}",
]
EXPERIMENTS = [
    "We evaluate {name} on {data} and {data} using {models}.",
    "Experiments with {models} on {task} show that {name} {rverb} {base}.",
    "Extensive experiments on {ntasks} {task} benchmarks with {models} demonstrate the effectiveness of {name}.",
    "Applied to {models}, our method {rverb} {base} on {data}.",
    "With {models}, {name} consistently {rverb} {base} while {effclause}.",
    "We test {name} with {models} on {data}, {data} and {data}.",
    "Empirically, on {models}, {name} {rverb} {base} on {task}.",
]
RESULTS = [
    "{Name} improves {pmetric} by {pts} points over {base}.",
    "It reduces {cost} by {pctred} with negligible loss in {quality}.",
    "Our best model reaches {pct} on {data}, a new state of the art.",
    "These gains hold across {scope}.",
    "Notably, {name} matches {base} while using {frac} of the {resource}.",
    "The results suggest that {finding}.",
    "On {data}, {name} achieves {pct} {pmetric}, compared with {pct} for {base}.",
    "In human evaluation, annotators preferred {name} in {pct} of cases.",
]
BITS = [
    "With {bits} weights, {name} retains {pct} of the full-precision accuracy.",
    "We quantize weights to {bits} and activations to {bits2} with little degradation.",
    "At {bits}, {name} stays within {pts} points of the 16-bit baseline.",
    "Our kernels make {bits} inference practical on {hw}.",
]
SPEEDS = [
    "{Name} is {speedup} than {base} on {hw}.",
    "End to end, this yields {speedupn} on {hw}.",
    "Decoding becomes {speedup} without any loss in {quality}.",
    "On {hw}, {name} delivers {speedupn} over the unoptimized implementation.",
]
DISTRACTORS = [
    "Training takes {days} days on {gpus} and processes {tokens}.",
    "We pretrain on {tokens} of {corpus}.",
    "All experiments fit on a single {gpumem} GPU.",
    "The model supports {ctx} context window.",
    "Our dataset contains {images} collected between {years}.",
    "The total training compute is about {flops}.",
    "We fine-tune for {steps} steps with a batch size of {batch} and a learning rate of {lr}.",
    "The instruction set consists of {ninstr} examples curated in {year}.",
    "Latency is measured at {ms} ms per token on {gpus}.",
    "The training set covers {nlang} languages and {hours} hours of audio.",
    "We release {ninstr} annotated examples collected in {year}.",
    "The system serves {qps} requests per second on {gpus}.",
    "Evaluation follows the protocol introduced in {year} and reports {pct} as the human baseline.",
]
CODE = [
    "Code is available at {url}.",
    "Our code and models are publicly available at {url}.",
    "We release our code at {url}.",
    "Project page: {url}",
    "The implementation is open-sourced at {url}.",
    "Code, data and checkpoints: {url}.",
]
NOCODE = [
    "Code will be released upon publication.",
    "We will make our implementation publicly available.",
]

TITLES = [
    "{Name}: {Adj} {Tt} for {Ttask}",
    "{Name}: Towards {Adj} {Tt}",
    "Towards {Adj} {Tt} via {Tcomp}",
    "On the {Tprop} of {Tt}",
    "Rethinking {Tt} for {Ttask}",
    "{Adj} {Tt} with {Tcomp}",
    "Combining {Tt} and {Tt2}",
    "{Name}: Bridging {Tt} and {Tt2}",
    "Revisiting {Tt}: {Tq}",
    "{Name}: {Tt} Made {Tmade}",
    "Understanding {Tt} through the Lens of {Tlens}",
    "{Name}: {Adj_pair} {Tt}",
    "Scaling {Tt} to {Tscale}",
    "{Tt} for {Ttask}: {Tkind}",
]
TITLE_POOLS = dict(
    Tcomp=["Learned Gating", "Curriculum Learning", "Consistency Regularization", "Adaptive Scheduling",
           "Feature Caching", "Low-Rank Projections", "Contrastive Objectives", "Self-Supervision"],
    Tprop=["Robustness", "Limits", "Effectiveness", "Generalization", "Efficiency", "Stability",
           "Surprising Effectiveness", "Hidden Costs"],
    Tq=["What Really Matters?", "Lessons from Large-Scale Experiments", "A Closer Look",
        "Simple Baselines Are Strong", "Is More Always Better?"],
    Tmade=["Simple", "Practical", "Easy", "Fast", "Cheap"],
    Tlens=["Information Theory", "Optimization", "Representation Geometry", "Causality"],
    Tscale=["Billions of Tokens", "Long Contexts", "Thousands of Tasks", "Real-World Deployment",
            "Millions of Nodes"],
    Tkind=["An Empirical Study", "A Case Study", "Lessons Learned", "A Systematic Evaluation"],
)
SURVEY_TITLES = ["A Survey on {Tt2}", "{Tt2}: A Comprehensive Survey", "A Survey of {Tt2}: Methods and Open Problems",
                 "Recent Advances in {Tt2}: A Review", "{Tt2} in the Era of Foundation Models: A Survey"]
BENCH_TITLES = ["{Name}: A Benchmark for {Tt2}", "Benchmarking {Tt2}", "{Name}: Evaluating {Tt2} at Scale",
                "How Good Are Models at {Tt2}? Introducing {Name}"]

# ---------------------------------------------------------------------------------------------
# Compilation of templates into literal pieces and slot references
# ---------------------------------------------------------------------------------------------

SLOT = re.compile(r"\{(\w+)\}")
SMALL_WORDS = ("a", "an", "the", "of", "for", "and", "in", "on", "with", "to", "via", "at", "from")


def compile_template(t):
    """'x {a} y {b}' -> ('x %s y %s', ('a', 'b')): a %-format string and the slot names in order."""
    keys = tuple(SLOT.findall(t))
    fmt = SLOT.sub("%s", t.replace("%", "%%"))
    return (fmt, keys)


def cap(s):
    return s[:1].upper() + s[1:]


def title_case(phrase):
    phrase = re.sub(r"\s*\([^)]*\)", "", phrase)
    words = phrase.split(" ")
    out = []
    for i, w in enumerate(words):
        if i > 0 and w in SMALL_WORDS:
            out.append(w)
        elif any(c.isupper() for c in w):
            out.append(w)
        else:
            out.append("-".join(p if j > 0 and p in SMALL_WORDS else cap(p) for j, p in enumerate(w.split("-"))))
    return " ".join(out)


# ---------------------------------------------------------------------------------------------
# Generator
# ---------------------------------------------------------------------------------------------

NAMED_LM = [
    "LLaMA-7B", "LLaMA-13B", "LLaMA-65B", "LLaMA-2-7B", "LLaMA-2-13B", "LLaMA-2-70B", "Llama-3-8B",
    "Llama-3.1-70B", "Llama-3.1-405B", "Mistral-7B", "Qwen2.5-7B", "Qwen2.5-72B", "Qwen2-1.5B",
    "OPT-125M", "OPT-1.3B", "OPT-6.7B", "OPT-66B", "OPT-175B", "BLOOM-176B", "BLOOM-7B1", "Falcon-40B",
    "GLM-130B", "Pythia-70M", "Pythia-1.4B", "Pythia-12B", "Gemma-2B", "Gemma-7B", "Phi-2 (2.7B)",
    "Vicuna-13B", "Mixtral 8x7B", "GPT-NeoX-20B", "T5-11B", "Flan-T5-XL (3B)", "CodeLlama-34B",
    "StarCoder-15B", "DeepSeek-Coder-6.7B", "MPT-30B", "Yi-34B", "InternLM-20B", "Qwen3-30B-A3B",
]
NAMED_OTHER = [
    "BERT-base (110M)", "ViT-L (307M)", "ViT-22B", "ViT-H/14 (632M)", "Whisper-large (1.5B)",
    "wav2vec 2.0 Large (317M)", "EVA-CLIP-18B", "SDXL (2.6B)", "PaLI-X (55B)", "RT-2 (55B)",
]
SIZES_B = [0.5, 1, 1.1, 1.3, 1.5, 1.8, 2, 2.7, 3, 3.8, 6.7, 7, 7, 7, 8, 8, 13, 13, 14, 30, 33, 34,
           40, 65, 70, 70, 72, 110, 175, 405]
SIZES_M = [1.2, 4, 22, 45, 60, 86, 110, 125, 220, 300, 335, 350, 400, 560, 760, 774]


def is_plural(phrase):
    """Rough check used to keep subject-verb agreement: 'LLMs' and 'diffusion models' are plural."""
    head = re.sub(r"\s*\([^)]*\)", "", phrase)
    head = re.split(r" (?:for|from|in|of) ", head)[0]
    last = head.split(" ")[-1]
    if "-of-" in last:
        return False
    last = last.split("-")[-1]
    return last.endswith("s") and not last.endswith(("ss", "sis", "series")) and not last.isupper()


def a_an(num):
    """Article for a number as it is read aloud: 'an 8B model', 'an 11B model', 'a 7B model'."""
    return "an" if num.startswith("8") or num.startswith(("11", "18")) and not num.startswith(("110", "180")) or num == "11" else "a"


def fmt_num(x):
    """Short decimal form: 7.0 -> '7', 1.30 -> '1.3'."""
    s = "%.1f" % x
    return s[:-2] if s.endswith(".0") else s


def generate(n_papers, seed, out, chunk=4000, stats=None):
    rng = random.Random(seed)
    rand = rng.random

    def pick(seq):
        return seq[int(rand() * len(seq))]

    # Dynamic pieces: numbers are drawn afresh at each use.
    def d_pct():
        return "%.1f%%" % (20 + rand() * 75)

    def d_pts():
        return "%.1f" % (0.3 + rand() * 9)

    def d_pctred():
        return "%d%%" % (15 + int(rand() * 75))

    def d_year():
        return str(2015 + int(rand() * 11))

    def d_years():
        a = 2012 + int(rand() * 12)
        return "%d and %d" % (a, a + 1 + int(rand() * 3))

    def d_days():
        return str(1 + int(rand() * 30))

    def d_gpus():
        return pick(("4 A100 GPUs", "8 A100 GPUs", "8 H100 GPUs", "64 A100 GPUs", "a single A6000",
                     "256 TPU v4 chips", "2 RTX 3090 GPUs", "16 V100 GPUs", "512 H800 GPUs",
                     "32 MI250X accelerators"))

    def d_tokens():
        k = rand()
        if k < 0.3:
            return "%sT tokens" % pick(("1", "1.4", "2", "3", "7", "9", "15", "18"))
        if k < 0.7:
            return "%dB tokens" % pick((10, 20, 26, 50, 100, 150, 300, 500))
        if k < 0.85:
            return "%s trillion tokens" % pick(("one", "two", "1.5", "2", "3"))
        return "%dM tokens" % pick((50, 100, 250, 500))

    def d_gpumem():
        return pick(("24GB", "80GB", "40GB", "16 GB", "48GB", "12GB", "80 GB"))

    def d_ctx():
        return pick(("a 128K", "a 32K-token", "a 4K", "an 8K", "a 1M-token", "a 200K-token", "a 2048-token"))

    def d_images():
        return pick(("%.1fM images" % (0.5 + rand() * 9), "%dM image-text pairs" % pick((12, 400, 700)),
                     "%dK images" % (5 + int(rand() * 900)), "%.1f billion image-text pairs" % (1 + rand() * 4)))

    def d_flops():
        return pick(("%de%d FLOPs" % (1 + int(rand() * 9), 20 + int(rand() * 6)),
                     "$10^{%d}$ FLOPs" % (20 + int(rand() * 6)),
                     "%.1f x 10^%d FLOPs" % (1 + rand() * 8, 21 + int(rand() * 4)),
                     "%d PF-days" % (10 + int(rand() * 5000))))

    def d_steps():
        return pick(("%dK" % pick((5, 10, 20, 50, 100, 250)), "%d,000" % (1 + int(rand() * 90)), "500"))

    def d_batch():
        return pick(("32", "64", "128", "256", "512", "1024", "4M tokens"))

    def d_lr():
        return pick(("3e-4", "1e-4", "2e-5", "5e-5", "1e-3", "6e-4"))

    def d_ninstr():
        return pick(("%dK" % (2 + int(rand() * 500)), "%.1fM" % (0.5 + rand() * 4), "%d,%03d" % (1 + int(rand() * 90), int(rand() * 1000))))

    def d_ms():
        return "%.1f" % (2 + rand() * 60)

    def d_nlang():
        return str(pick((12, 40, 57, 99, 100, 1107)))

    def d_hours():
        return pick(("680,000", "10K", "60K", "1M", "4,500"))

    def d_qps():
        return str(20 + int(rand() * 4000))

    def d_nitems():
        return pick(("%d,%03d" % (1 + int(rand() * 20), int(rand() * 1000)), "%dK" % (1 + int(rand() * 50)), str(100 + int(rand() * 900))))

    def d_nmodels():
        return str(6 + int(rand() * 40))

    def d_ntasks():
        return pick(("five", "eight", "ten", "12", "14", "20", "six"))

    def d_nsurveyed():
        return str(pick((100, 150, 200, 250, 300, 400, 500)))

    def d_ncats():
        return pick(("four", "five", "six", "three", "seven"))

    def d_bits():
        return pick(("4-bit", "4-bit", "3-bit", "2-bit", "8-bit", "INT8", "INT4", "W4A16", "W8A8",
                     "W4A8", "1.58-bit", "ternary", "NF4", "FP8", "6-bit"))

    def d_bits2():
        return pick(("8-bit", "INT8", "FP8", "4-bit", "16-bit"))

    def d_speedup():
        x = fmt_num(1.2 + rand() * 4.5)
        return pick((x + "x faster", x + "\u00d7 faster", x + " times faster", "up to " + x + "x faster",
                     x + "$\\times$ faster"))

    def d_speedupn():
        x = fmt_num(1.2 + rand() * 4.5)
        return pick(("a " + x + "x speedup", "a " + x + "\u00d7 speedup", "up to " + x + "x lower latency",
                     "a " + x + "-fold speedup", x + "$\\times$ higher throughput", "twice the throughput"))

    dyn = dict(pct=d_pct, pts=d_pts, pctred=d_pctred, year=d_year, years=d_years, days=d_days,
               gpus=d_gpus, tokens=d_tokens, gpumem=d_gpumem, ctx=d_ctx, images=d_images,
               flops=d_flops, steps=d_steps, batch=d_batch, lr=d_lr, ninstr=d_ninstr, ms=d_ms,
               nlang=d_nlang, hours=d_hours, qps=d_qps, nitems=d_nitems, nmodels=d_nmodels,
               ntasks=d_ntasks, nsurveyed=d_nsurveyed, ncats=d_ncats, bits=d_bits, bits2=d_bits2,
               speedup=d_speedup, speedupn=d_speedupn)

    # Parameter counts, in many written forms. Returns a phrase usable after "with"/"on".
    def p_b():
        v = fmt_num(pick(SIZES_B))
        a = a_an(v)
        return pick(("%s %sB model" % (a, v), "our %sB variant" % v, "%s %sB-parameter model" % (a, v),
                     "models with %sB parameters" % v, "%s %s B model" % (a, v), "%sB and %sB models" % (v, fmt_num(pick(SIZES_B)))))

    def p_billion():
        v = fmt_num(pick(SIZES_B))
        return pick(("a model with %s billion parameters" % v, "%s %s-billion-parameter model" % (a_an(v), v),
                     "a network of %s billion parameters" % v, "%s billion parameter models" % v))

    def p_named():
        return pick(NAMED_LM) if rand() < 0.85 else pick(NAMED_OTHER)

    def p_named2():
        a, b = pick(NAMED_LM), pick(NAMED_LM)
        return a if a == b else a + " and " + b

    def p_m():
        v = fmt_num(pick(SIZES_M))
        a = a_an(v)
        return pick(("%s %sM-parameter encoder" % (a, v), "%s %sM model" % (a, v), "a compact model with %s million parameters" % v,
                     "%s %sM-parameter network" % (a, v), "a model with %sM parameters" % v))

    def p_range():
        lo = pick(("70M", "125M", "160M", "350M", "1B"))
        hi = pick(("1.3B", "2.7B", "6.9B", "13B", "30B", "70B"))
        return pick(("models from %s to %s parameters" % (lo, hi), "%s to %s parameters" % (lo, hi),
                     "a suite of models ranging from %s to %s" % (lo, hi)))

    def p_small():
        return pick(("a network with less than 0.1 million parameters", "a model with only %dK parameters" % (2 + int(rand() * 90)),
                     "a model with %d,000 parameters" % (50 + int(rand() * 900)), "a model of 2.3K parameters",
                     "a %d,%03d,000-parameter network" % (1 + int(rand() * 20), int(rand() * 1000)),
                     "a tiny network with 350,000 parameters"))

    def p_special():
        return pick(("BitNet b1.58 2B4T", "Mixtral 8x7B", "Mixtral 8x22B", "a trillion-parameter model",
                     "a 1.6-trillion-parameter sparse model", "DeepSeek-V3 (671B total, 37B active)",
                     "a 70-billion-parameter model", "a 1T-parameter mixture-of-experts model",
                     "a half-billion-parameter model"))

    lm_forms = ((0.32, p_named), (0.45, p_named2), (0.62, p_b), (0.72, p_billion), (0.80, p_m),
                (0.88, p_range), (0.92, p_small), (1.0, p_special))
    other_forms = ((0.15, p_named), (0.35, p_b), (0.45, p_billion), (0.75, p_m), (0.82, p_range),
                   (0.95, p_small), (1.0, p_special))

    def param_phrase(is_lm):
        k = rand()
        for limit, f in (lm_forms if is_lm else other_forms):
            if k < limit:
                return f()
        return p_special()

    # Static per-topic pools, capitalised variants and title phrases, computed once.
    base = {}
    for k, v in POOLS.items():
        base[k] = v
        base[cap(k)] = [cap(s) for s in v]
    base.update(dyn)
    base.update(TITLE_POOLS)
    base["Adj"] = [title_case(a) for a in POOLS["adj"]]
    base["Adj_pair"] = [a + " and " + b for a in base["Adj"] for b in base["Adj"] if a != b]
    base["a_adj"] = [("an " if a[0] in "aeiou" else "a ") + a for a in POOLS["adj"]]
    domains = {}
    for dk, dv in DOMAINS.items():
        domains[dk] = dict(data=dv["data"], task=dv["task"], Ttask=[title_case(t) for t in dv["task"]],
                           pmetric=dv["pmetric"], nongen=dv["nongen"])
    base["closing"] = [compile_template(t) for t in POOLS["closing"]]

    topics = []
    for t in TOPICS:
        tp = t["tp"]
        weak = t["weak"] + POOLS["gweak"]
        topics.append(dict(
            key=t["key"], cats=t["cats"], lm=t["lm"], bits=t["bits"], speed=t["speed"],
            needs2=t.get("needs2", False), roots=t["roots"],
            tp=tp, Tp=[cap(s) for s in tp], Tt=[title_case(s) for s in tp],
            tps=[s for s in tp if not is_plural(s)] or tp,
            Tps=[cap(s) for s in tp if not is_plural(s)] or [cap(s) for s in tp],
            dom=TOPIC_DOMAIN.get(t["key"], "nlp"),
            weak=weak, mverb=t["mverb"], goal=t["goal"],
            mverb_pair=[a + " and " + b for a in t["mverb"] for b in t["mverb"] if a != b] or t["mverb"],
            own=[compile_template(s) for s in t["own"]],
        ))
        # Title tasks that differ from the topic's own phrases ("Semantic Segmentation for
        # Semantic Segmentation").
        own_titles = [x.lower() for x in topics[-1]["Tt"]]
        dom_tasks = [title_case(x) for x in DOMAINS[topics[-1]["dom"]]["task"]]
        topics[-1]["Ttask"] = [x for x in dom_tasks if x.lower() not in own_titles] or dom_tasks
        # A benchmark's first own sentence introduces it; fillers must not repeat that.
        topics[-1]["own_fill"] = topics[-1]["own"][1:] if t["key"] == "benchmark" else topics[-1]["own"]
    n_topics = len(topics)
    cum_w = []
    acc = 0.0
    for t in TOPICS:
        acc += t["weight"]
        cum_w.append(acc)
    total_w = acc
    llm_index = [t["key"] for t in TOPICS].index("llm")
    # Which topics usually co-occur with LLMs.
    lm_related = [t["lm"] for t in TOPICS]

    c_openers = [compile_template(s) for s in OPENERS]
    c_problems = [compile_template(s) for s in PROBLEMS]
    c_methods = [compile_template(s) for s in METHODS]
    c_details = [compile_template(s) for s in DETAILS]
    c_secondary = [compile_template(s) for s in SECONDARY]
    c_survey_extra = [compile_template(s) for s in SURVEY_EXTRA]
    c_experiments = [compile_template(s) for s in EXPERIMENTS]
    c_results = [compile_template(s) for s in RESULTS]
    c_bits = [compile_template(s) for s in BITS]
    c_speeds = [compile_template(s) for s in SPEEDS]
    c_distractors = [compile_template(s) for s in DISTRACTORS]
    c_code = [compile_template(s) for s in CODE]
    c_nocode = [compile_template(s) for s in NOCODE]
    c_titles = [compile_template(s) for s in TITLES]
    c_titles_single = [compile_template(s) for s in TITLES if "{Tt2}" not in s]  # papers with one topic
    c_survey_titles = [compile_template(s) for s in SURVEY_TITLES]
    c_bench_titles = [compile_template(s) for s in BENCH_TITLES]

    def fill(tpl, ctx):
        fmt, keys = tpl
        if not keys:
            return fmt
        vals = []
        for k in keys:
            src = ctx[k]
            if src.__class__ is list:
                v = src[int(rand() * len(src))]
                if v.__class__ is tuple:  # nested template (topic-specific sentence)
                    v = fill(v, ctx)
                vals.append(v)
            else:
                vals.append(src())
        return fmt % tuple(vals)

    # Submission months 2018-01 .. 2025-06, with volume growing over time; ids are assigned in
    # order, so the file is sorted by id like the arXiv snapshot.
    months = [(y, m) for y in range(2018, 2026) for m in range(1, 13) if (y, m) <= (2025, 6)]
    mw = [1.0 + 0.045 * i for i in range(len(months))]
    mcum = []
    acc = 0.0
    for w in mw:
        acc += w
        mcum.append(acc / sum(mw))
    last_day = datetime.date(2025, 6, 30).toordinal()
    month_start = [datetime.date(y, m, 1).toordinal() for (y, m) in months]
    month_counter = [0] * len(months)
    digits = 5 if n_papers <= 50000 * len(months) else 6

    encode = json.encoder.encode_basestring  # C-accelerated, ensure_ascii=False semantics

    topic_count = [0] * n_topics
    n_params = n_code = n_bits = n_speed = n_distr = 0
    total_abs = 0

    buf = []
    for i in range(n_papers):
        # ---- id and date
        q = (i + 0.5) / n_papers
        mi = bisect.bisect_left(mcum, q)
        if mi >= len(months):
            mi = len(months) - 1
        month_counter[mi] += 1
        y, m = months[mi]
        pid = "%02d%02d.%0*d" % (y % 100, m, digits, month_counter[mi])
        d = month_start[mi] + int(rand() * rand() * 900)
        if d > last_day:
            d = month_start[mi] + int(rand() * (last_day - month_start[mi] + 1))
        date = datetime.date.fromordinal(d).isoformat()

        # ---- topics
        k = rand() * total_w
        t1i = bisect.bisect_right(cum_w, k)
        t1 = topics[t1i]
        sec = []
        r2 = rand()
        if t1["needs2"] or r2 < 0.62:
            if lm_related[t1i] and t1i != llm_index and rand() < 0.45:
                j = llm_index
            else:
                j = bisect.bisect_right(cum_w, rand() * total_w)
            if j != t1i and not topics[j]["needs2"]:
                sec.append(j)
            elif t1["needs2"]:
                j = (t1i + 1 + int(rand() * (n_topics - 1))) % n_topics
                while topics[j]["needs2"]:
                    j = (j + 1) % n_topics
                sec.append(j)
            if r2 < 0.18:
                j = bisect.bisect_right(cum_w, rand() * total_w)
                if j != t1i and j not in sec and not topics[j]["needs2"]:
                    sec.append(j)
        t2 = topics[sec[0]] if sec else t1
        is_lm = t1["lm"] or (t2 is not t1 and t2["lm"])

        # ---- names
        key1 = t1["key"]
        name = pick(PREFIXES) + pick(t1["roots"]) + pick(SUFFIXES)
        ctx = base  # reused: every per-paper key below is overwritten for each paper
        # Surveys and benchmarks talk about their subject topic (t2) in the generic sentences.
        subj = t2 if t1["needs2"] else t1
        ctx["tp"] = subj["tp"]
        ctx["Tp"] = subj["Tp"]
        ctx["tps"] = subj["tps"]
        ctx["Tps"] = subj["Tps"]
        ctx["Tt"] = subj["Tt"]
        ctx["weak"] = subj["weak"]
        ctx["goal"] = subj["goal"]
        ctx.update(domains[subj["dom"]])
        ctx["Ttask"] = subj["Ttask"]
        dom = domains[subj["dom"]]
        ctx["tp2"] = t2["tp"]
        ctx["Tt2"] = t2["Tt"]
        ctx["mverb"] = t1["mverb"]
        ctx["mverb_pair"] = t1["mverb_pair"]
        ctx["Own"] = t1["own_fill"]
        ctx["Own2"] = t2["own"]
        ctx["name"] = ctx["Name"] = [name]

        has_params = rand() < (0.43 if is_lm else 0.25)
        if has_params:
            pp = param_phrase(is_lm)
            ctx["models"] = [pp]
        else:
            ctx["models"] = dom["nongen"]

        # ---- title
        if key1 == "survey":
            title = fill(pick(c_survey_titles), ctx)
        elif key1 == "benchmark":
            title = fill(pick(c_bench_titles), ctx)
        else:
            title = fill(pick(c_titles if sec else c_titles_single), ctx)
            if has_params and pp[0].isupper() and rand() < 0.2:
                title += " with " + pp

        # ---- abstract: core sentences, then fillers until the target length
        target = 560 + int(1440 * (rand() ** 1.2))
        if target > 2000:
            target = 2000
        sents = []  # (rank, text)
        sents.append((0, fill(pick(c_openers), ctx)))
        if key1 in ("survey", "benchmark"):
            sents.append((2, fill(pick(t1["own"]), ctx)))
        else:
            sents.append((2, fill(pick(c_methods), ctx)))
        if key1 == "benchmark":
            sents[-1] = (2, fill(t1["own"][0], ctx))
        if key1 == "survey":
            own = t1["own"]
            a = int(rand() * len(own))
            b = (a + 1 + int(rand() * (len(own) - 1))) % len(own)
            sents.append((3, fill(own[b], ctx)))
            sents.append((9, fill(pick(base["closing"]), ctx)))
        else:
            sents.append((6, fill(pick(c_experiments), ctx)))
            core_ri = int(rand() * len(c_results))
            sents.append((7, fill(c_results[core_ri], ctx)))
        rb = rand()
        if rb < t1["bits"] or rb < t2["bits"] * 0.5:
            sents.append((8, fill(pick(c_bits), ctx)))
            n_bits += 1
        rs = rand()
        if rs < t1["speed"] or rs < t2["speed"] * 0.5:
            sents.append((8, fill(pick(c_speeds), ctx)))
            n_speed += 1
        if rand() < 0.85 and key1 != "survey":
            sents.append((6, fill(pick(c_distractors), ctx)))
            n_distr += 1
            if rand() < 0.35:
                sents.append((6, fill(pick(c_distractors), ctx)))
        if sec and not t1["needs2"]:
            sents.append((5, fill(pick(c_secondary), ctx)))
        rc = rand()
        code = None
        if rc < 0.30:
            u = rand()
            repo = name.lower().replace("+", "p")
            if u < 0.55:
                owner = pick(SURNAMES).lower() if rand() < 0.5 else pick(LAB_SLUGS)
                url = "https://github.com/%s/%s" % (owner, repo)
            elif u < 0.75:
                org = pick(LAB_SLUGS)
                url = "https://huggingface.co/%s/%s" % (org, name + (pick(("-7B", "-1.3B", "-base", "-instruct")) if has_params else ""))
            elif u < 0.9:
                url = "https://%s.github.io" % repo
            elif u < 0.96:
                url = "https://gitlab.com/%s/%s" % (pick(LAB_SLUGS), repo)
            else:
                url = "https://anonymous.4open.science/r/%s-%d" % (repo, 1000 + int(rand() * 9000))
            code = fill(pick(c_code), dict(url=[url]))
            n_code += 1
        elif rc < 0.38:
            code = fill(pick(c_nocode), ctx)
        length = sum(len(s) for _, s in sents) + (len(code) + 1 if code else 0)

        # Fillers: stop at the target length, never pass 2000 characters, never repeat a
        # template or a sentence.
        used = ["c"] if key1 == "survey" else ["r%d" % core_ri]
        tries = 0
        while length < target and tries < 16:
            tries += 1
            f = rand()
            if f < 0.2:
                key, tpl, rank = "p", pick(c_problems), 1
            elif key1 == "survey":
                if f < 0.9:
                    di = int(rand() * len(c_survey_extra))
                    key, tpl, rank = "s%d" % di, c_survey_extra[di], 3
                else:
                    continue
            elif f < 0.75:
                di = int(rand() * len(c_details))
                key, tpl, rank = "d%d" % di, c_details[di], 3
            elif f < 0.9:
                ri = int(rand() * len(c_results))
                key, tpl, rank = "r%d" % ri, c_results[ri], 7
            else:
                key, tpl, rank = "c", pick(base["closing"]), 9
            if key in used:
                continue
            used.append(key)
            s = fill(tpl, ctx)
            if length + len(s) + 1 > 2000:
                break
            dup = False
            for _, t in sents:
                if t == s:
                    dup = True
                    break
            if dup:
                continue
            sents.append((rank, s))
            length += len(s) + 1
        sents.sort(key=lambda x: x[0])
        abstract = " ".join(s for _, s in sents)
        if code:
            abstract += " " + code
        total_abs += len(abstract)

        # ---- authors and categories
        na = 1 + int(rand() * 4) + int(rand() * rand() * 9)
        initials = rand() < 0.7
        names = []
        for _ in range(na):
            fn = pick(FIRST_NAMES)
            names.append((fn[0] + ". " if initials else fn + " ") + pick(SURNAMES))
        authors = names[0] if na == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        cats = [t1["cats"][0] if rand() < 0.8 else t1["cats"][1]]
        for c in t1["cats"] + [topics[j]["cats"][0] for j in sec]:
            if c not in cats and len(cats) < 4 and rand() < 0.5:
                cats.append(c)

        if has_params:
            n_params += 1
        topic_count[t1i] += 1
        for j in sec:
            topic_count[j] += 1

        buf.append('{"id": "%s", "title": %s, "abstract": %s, "authors": %s, "categories": "%s", "update_date": "%s"}\n'
                   % (pid, encode(title), encode(abstract), encode(authors), " ".join(cats), date))
        if len(buf) >= chunk:
            out.write("".join(buf))
            buf = []
    if buf:
        out.write("".join(buf))

    if stats is not None:
        stats.update(papers=n_papers, params=n_params, code=n_code, bits=n_bits, speedup=n_speed,
                     distractor_sentences=n_distr, mean_abstract_chars=total_abs / max(1, n_papers),
                     topics={topics[i]["key"]: topic_count[i] for i in range(n_topics)})


def main():
    ap = argparse.ArgumentParser(description="Write a deterministic synthetic corpus of paper records (JSON lines).")
    ap.add_argument("--papers", type=int, required=True, help="number of papers to write")
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--stats", action="store_true", help="print generator-side coverage counts to stderr")
    ap.add_argument("out", help="output file (.jsonl), or - for standard output")
    args = ap.parse_args()
    if args.papers < 0:
        ap.error("--papers must be >= 0")

    t0 = time.perf_counter()
    stats = {}
    if args.out == "-":
        out = sys.stdout
        out.reconfigure(encoding="utf-8", newline="\n")
        generate(args.papers, args.seed, out, stats=stats)
        out.flush()
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n", buffering=8 << 20) as out:
            generate(args.papers, args.seed, out, stats=stats)
    dt = time.perf_counter() - t0
    print("wrote %d papers in %.1f s" % (args.papers, dt), file=sys.stderr)
    if args.stats:
        n = max(1, stats["papers"])
        print("mean abstract length: %.0f chars" % stats["mean_abstract_chars"], file=sys.stderr)
        for k in ("params", "code", "bits", "speedup", "distractor_sentences"):
            print("%-22s %8d  %5.1f%%" % (k, stats[k], 100.0 * stats[k] / n), file=sys.stderr)
        for k, v in stats["topics"].items():
            print("  topic %-20s %8d  %5.1f%%" % (k, v, 100.0 * v / n), file=sys.stderr)


if __name__ == "__main__":
    main()
